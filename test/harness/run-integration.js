// Runs the in-host mocha suite (out/integration) inside a real VS Code extension host through
// @vscode/test-electron's runTests. Offline (default) it points runTests at the code-server shim;
// with CORPUS_LENS_VSCODE=desktop it lets test-electron download desktop VS Code as usual.
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const cfg = require('./config');
const { freshWorkspace } = require('./workspace');
const { acquireRunLock } = require('./lock');
const { execFileSync } = require('child_process');

async function main() {
  const desktop = process.env.CORPUS_LENS_VSCODE === 'desktop';
  if (!desktop) require('./setup').setup();
  await acquireRunLock();
  execFileSync(process.execPath, ['esbuild.js'], { cwd: cfg.PROJECT, stdio: 'inherit' });
  process.env.TMPDIR = cfg.TMP;
  require('fs').mkdirSync(cfg.TMP, { recursive: true });
  const workspace = freshWorkspace('workspace-integration');
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: path.join(__dirname, 'shim.js') }),
    extensionDevelopmentPath: cfg.PROJECT,
    extensionTestsPath: path.join(cfg.PROJECT, 'out', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch(e => {
  console.error(`integration: ${e.message || e}`);
  process.exit(1);
});
