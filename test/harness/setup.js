// Installs what the real-VS-Code tests need and is missing: Debian's Chromium (and the Kerberos
// headers code-server's native build wants), util-linux (setpriv), Node 24 and code-server from
// the npm registry. Idempotent: a second run only checks.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const cfg = require('./config');

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });

/**
 * npm installs reach the registry: one failure (a dropped connection) is tried again. They run
 * without the npm_* variables of an enclosing `npm run` (its --silent, its node path), which
 * would otherwise leak into the nested install and its native builds.
 */
function npmInstall(args, opts = {}) {
  const env = Object.fromEntries(Object.entries(opts.env || process.env).filter(([k]) => !/^npm_/i.test(k)));
  opts = { ...opts, env };
  try {
    run('npm', args, opts);
  } catch (e) {
    console.log(`[setup] npm install failed (${e.signal ? `signal ${e.signal}` : `exit ${e.status}`}); trying once more`);
    run('npm', args, opts);
  }
}
const have = cmd => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasDeb = pkg => {
  try {
    execFileSync('dpkg', ['-s', pkg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function aptPackages() {
  // util-linux: setpriv, with which the in-host tests run as root without root's file access.
  const missing = ['chromium', 'libkrb5-dev', 'util-linux'].filter(p => !hasDeb(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !have('apt-get')) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (install them as root: apt-get install ${missing.join(' ')})`);
  }
  console.log(`[setup] apt-get install ${missing.join(' ')}`);
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function node24() {
  if (fs.existsSync(path.join(cfg.NODE24_BIN, 'node'))) return;
  console.log(`[setup] npm install ${cfg.NODE24_PACKAGE}`);
  npmInstall(['install', '--no-audit', '--no-fund', '--no-save', '--prefix', path.join(cfg.ROOT, 'node24'), cfg.NODE24_PACKAGE]);
}

function codeServer() {
  if (fs.existsSync(cfg.CODE_SERVER)) return;
  console.log(`[setup] npm install code-server@${cfg.CODE_SERVER_VERSION} (native builds, a few minutes)`);
  const nodeDir = path.dirname(cfg.NODE24_BIN);
  // npm under Node 24 so code-server's version check passes and native modules get its ABI;
  // npm_config_nodedir makes node-gyp use the packaged headers instead of downloading them.
  npmInstall(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--prefix',
      path.join(cfg.ROOT, 'code-server'),
      `code-server@${cfg.CODE_SERVER_VERSION}`,
    ],
    {
      env: { ...process.env, PATH: `${cfg.NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: nodeDir, JOBS: '2' },
    },
  );
}

function main() {
  fs.mkdirSync(cfg.ROOT, { recursive: true });
  aptPackages();
  node24();
  codeServer();
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`[setup] ${e.message}`);
    process.exit(1);
  }
}
module.exports = { setup: main };
