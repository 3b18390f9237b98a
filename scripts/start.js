// `npm start`: installs dependencies if needed, builds, and opens the project (which holds seeds/)
// in a real VS Code with the extension loaded from source: the desktop `code` CLI when present,
// otherwise the offline code-server workbench, whose address it prints. Ctrl+C stops the server.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });

function hasCodeCli() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.CORPUS_LENS_WEB;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', 'wink-nlp'))) run('npm', ['install', '--no-audit', '--no-fund']);
  run('node', ['esbuild.js']);
  if (hasCodeCli()) {
    run('code', ['--extensionDevelopmentPath', ROOT, ROOT]);
    return;
  }
  require('../test/harness/setup').setup();
  const cfg = require('../test/harness/config');
  const codeServer = require('../test/harness/codeServer');
  const stateDir = path.join(cfg.ROOT, 'state-start');
  fs.mkdirSync(stateDir, { recursive: true });
  const server = await codeServer.start(stateDir, { port: Number(process.env.PORT) || undefined });
  const url = codeServer.workbenchUrl(server.url, ROOT, { extensionDevelopmentPath: ROOT });
  console.log(
    `\nCorpus Lens is running in VS Code at ${server.url}\nOpen this address (it loads the extension on the sample corpus):\n\n  ${url}\n\nCtrl+C stops it.`,
  );
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.server.on('exit', code => {
    console.log(`code-server exited (${code})`);
    process.exit(code ?? 0);
  });
}

main().catch(e => {
  console.error(e.message || e);
  process.exit(1);
});
