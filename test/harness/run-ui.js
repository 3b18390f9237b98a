// Browser journeys: packages the .vsix, installs it into a fresh code-server, opens a copy of
// seeds/ and runs the mocha specs in test/ui (Node side, driving Chromium with playwright-core).
const { spawnSync } = require('child_process');
const path = require('path');
const cfg = require('./config');
const codeServer = require('./codeServer');
const { packageVsix } = require('../../scripts/package');
const { freshWorkspace, runDir } = require('./workspace');
const { acquireRunLock } = require('./lock');

async function main() {
  require('./setup').setup();
  await acquireRunLock();
  const stateDir = runDir('state-ui');
  const { file } = await packageVsix(path.join(stateDir, 'corpus-lens-ui.vsix'));
  codeServer.installVsix(stateDir, file);
  const workspace = freshWorkspace('workspace-ui');
  const server = await codeServer.start(stateDir);
  try {
    const mocha = path.join(cfg.PROJECT, 'node_modules', '.bin', 'mocha');
    const r = spawnSync(mocha, ['--config', path.join(cfg.PROJECT, 'test', 'ui', '.mocharc.json'), ...process.argv.slice(2)], {
      cwd: cfg.PROJECT,
      stdio: 'inherit',
      env: {
        ...process.env,
        TMPDIR: cfg.TMP,
        CORPUS_LENS_UI_URL: codeServer.workbenchUrl(server.url, workspace),
        CORPUS_LENS_UI_WORKSPACE: workspace,
      },
    });
    return r.status ?? 1;
  } finally {
    await server.stop();
  }
}

main().then(
  code => process.exit(code),
  e => {
    console.error(`ui: ${e.message || e}`);
    process.exit(1);
  },
);
