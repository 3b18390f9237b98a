// Starts code-server (the real VS Code server and web workbench) on 127.0.0.1 in its own process
// group, and stops that whole group: an extension host otherwise outlives the browser for hours.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const cfg = require('./config');

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });

const healthy = port =>
  new Promise(resolve => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz' }, res => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });

/** Environment for code-server and its children: config, data and temp files inside `stateDir`. */
function serverEnv(stateDir) {
  const xdg = path.join(stateDir, 'xdg');
  const tmp = path.join(stateDir, 'tmp');
  for (const d of [xdg, tmp]) fs.mkdirSync(d, { recursive: true });
  return {
    ...process.env,
    PATH: `${cfg.NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: xdg,
    XDG_DATA_HOME: xdg,
    TMPDIR: tmp,
    EXTENSIONS_GALLERY: cfg.DEAD_GALLERY,
  };
}

function dirs(stateDir, { userDataDir, extensionsDir } = {}) {
  const d = {
    userDataDir: path.resolve(userDataDir || path.join(stateDir, 'user-data')),
    extensionsDir: path.resolve(extensionsDir || path.join(stateDir, 'extensions')),
    config: path.join(stateDir, 'xdg', 'config.yaml'),
  };
  fs.mkdirSync(path.join(d.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(d.extensionsDir, { recursive: true });
  // Values already there win (the trust wrapper's, test/harness/trustOn.js); missing ones are added.
  const settings = path.join(d.userDataDir, 'User', 'settings.json');
  const existing = fs.existsSync(settings) ? JSON.parse(fs.readFileSync(settings, 'utf8')) : {};
  const merged = { ...USER_SETTINGS, ...existing };
  if (JSON.stringify(merged) !== JSON.stringify(existing)) fs.writeFileSync(settings, JSON.stringify(merged, null, 2));
  return d;
}

/** Installs a .vsix into the extensions folder of `stateDir` with code-server's own CLI. */
function installVsix(stateDir, vsix, opts) {
  const d = dirs(stateDir, opts);
  execFileSync(
    cfg.CODE_SERVER,
    ['--user-data-dir', d.userDataDir, '--extensions-dir', d.extensionsDir, '--config', d.config, '--install-extension', vsix],
    { env: serverEnv(stateDir), stdio: 'pipe' },
  );
}

const DAC_CAPS = '-dac_override,-dac_read_search';

/**
 * The command line that runs `cmd` so that file modes bind it. Root bypasses them through
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; setpriv drops both for the process and its children
 * (the extension host), so a chmod 000 file is unreadable there as it is for any user.
 */
function obeyingFileModes(cmd, args) {
  if (process.getuid?.() !== 0) return [cmd, args];
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'running as root, the in-host tests need setpriv (Debian package util-linux) to drop CAP_DAC_OVERRIDE: apt-get install util-linux',
    );
  }
  return ['setpriv', [`--inh-caps=${DAC_CAPS}`, `--bounding-set=${DAC_CAPS}`, '--', cmd, ...args]];
}

/**
 * Starts the server; resolves to { url, port, stop() } once /healthz answers.
 * `port` may be fixed (npm start); otherwise a free one is taken. `obeyFileModes`: even as root,
 * the server and its extension host cannot read files their modes forbid (see obeyingFileModes).
 * `trust`: workspace trust stays on (the user settings decide), so a new folder opens in Restricted Mode.
 */
async function start(stateDir, opts = {}) {
  if (!fs.existsSync(cfg.CODE_SERVER)) {
    throw new Error(`code-server is not installed at ${cfg.CODE_SERVER}: run node test/harness/setup.js`);
  }
  const d = dirs(stateDir, opts);
  const port = opts.port || (await freePort());
  const log = fs.openSync(path.join(stateDir, 'code-server.log'), 'w');
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    d.userDataDir,
    '--extensions-dir',
    d.extensionsDir,
    '--config',
    d.config,
    // Lets the workbench read extensionDevelopmentPath/extensionTestsPath from the URL payload.
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const [cmd, argv] = opts.obeyFileModes ? obeyingFileModes(cfg.CODE_SERVER, args) : [cfg.CODE_SERVER, args];
  const server = spawn(cmd, argv, { detached: true, stdio: ['ignore', log, log], env: serverEnv(stateDir) });
  const exited = new Promise(resolve => server.once('exit', resolve));
  const signal = sig => {
    try {
      process.kill(-server.pid, sig);
    } catch {
      /* already gone */
    }
  };
  /** SIGTERM to the whole group, SIGKILL after 5 s; resolves once the server has exited. */
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // children that outlived the server itself
  };
  process.on('exit', () => signal('SIGKILL'));
  // Interrupted (Ctrl+C, a timeout's SIGTERM): take the server down too, then exit as signalled.
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      signal('SIGKILL');
      process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
    });
  }
  const started = Date.now();
  while (!(await healthy(port))) {
    if (server.exitCode !== null) {
      throw new Error(`code-server exited with ${server.exitCode}; see ${path.join(stateDir, 'code-server.log')}`);
    }
    if (Date.now() - started > 60000) {
      await stop();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, port, stop, server };
}

/** The workbench URL that opens `folder`, optionally loading an extension from source and a test suite. */
function workbenchUrl(base, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(base).host;
  const remote = p => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { start, installVsix, workbenchUrl };
