// Runs the in-host mocha suites inside a real VS Code extension host through
// @vscode/test-electron's runTests: out/integration with workspace trust off, then
// out/integration-untrusted in Restricted Mode (trust on, the workspace not trusted). Offline
// (default) runTests starts the code-server shim; with CORPUS_LENS_VSCODE=desktop it downloads
// desktop VS Code as usual. runTests always disables trust, so the second run goes through
// trustOn.js, which turns it back on and starts the same executable.
const path = require('path');
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
const cfg = require('./config');
const { freshWorkspace, runDir, untrustedWorkspace } = require('./workspace');
const { acquireRunLock } = require('./lock');
const { execFileSync } = require('child_process');

async function main() {
  const desktop = process.env.CORPUS_LENS_VSCODE === 'desktop';
  if (!desktop) require('./setup').setup();
  await acquireRunLock();
  execFileSync(process.execPath, ['esbuild.js'], { cwd: cfg.PROJECT, stdio: 'inherit' });
  process.env.TMPDIR = cfg.TMP;
  require('fs').mkdirSync(cfg.TMP, { recursive: true });
  const executable = desktop ? await downloadAndUnzipVSCode() : path.join(__dirname, 'shim.js');
  const suite = name => path.join(cfg.PROJECT, 'out', name, 'index.js');
  let failed = 0;
  const run = async (name, options) => {
    try {
      await runTests({ extensionDevelopmentPath: cfg.PROJECT, extensionTestsPath: suite(name), ...options });
    } catch (e) {
      console.error(`${name}: ${e.message || e}`);
      failed++;
    }
  };
  await run('integration', {
    vscodeExecutablePath: executable,
    launchArgs: [freshWorkspace('workspace-integration'), '--disable-extensions', '--disable-workspace-trust'],
  });
  await run('integration-untrusted', {
    vscodeExecutablePath: path.join(__dirname, 'trustOn.js'),
    extensionTestsEnv: { CORPUS_LENS_VSCODE_EXECUTABLE: executable },
    // Its own profile: trust settings and trusted folders stay out of the other run's.
    launchArgs: [untrustedWorkspace('workspace-untrusted'), '--disable-extensions', `--user-data-dir=${runDir('user-data-untrusted')}`],
  });
  if (failed) process.exit(1);
}

main().catch(e => {
  console.error(`integration: ${e.message || e}`);
  process.exit(1);
});
