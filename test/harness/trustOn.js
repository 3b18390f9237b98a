#!/usr/bin/env node
// Stands in for the VS Code executable in the Restricted Mode run: @vscode/test-electron's
// runTests always passes --disable-workspace-trust; this drops it, turns trust on in the run's
// user settings (no startup prompt, so the folder opens untrusted) and runs the real executable,
// CORPUS_LENS_VSCODE_EXECUTABLE (desktop VS Code or the code-server shim), with the other arguments.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const cfg = require('./config');

const args = process.argv.slice(2).filter(a => a !== '--disable-workspace-trust');
const userDataDir = args.find(a => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
if (!userDataDir || !process.env.CORPUS_LENS_VSCODE_EXECUTABLE) {
  console.error('trustOn: need --user-data-dir=DIR and CORPUS_LENS_VSCODE_EXECUTABLE');
  process.exit(2);
}
const settings = path.join(userDataDir, 'User', 'settings.json');
fs.mkdirSync(path.dirname(settings), { recursive: true });
const existing = fs.existsSync(settings) ? JSON.parse(fs.readFileSync(settings, 'utf8')) : {};
fs.writeFileSync(settings, JSON.stringify({ ...existing, ...cfg.TRUST_ON_SETTINGS }, null, 2));

const child = spawn(process.env.CORPUS_LENS_VSCODE_EXECUTABLE, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
