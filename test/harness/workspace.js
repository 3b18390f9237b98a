// Throw-away folders for one test run, named after the process so that runs in parallel do not
// share state: a copy of the sample corpus (tests may edit, add and delete files without touching
// the project's seeds/) and the server's state. Removed when the process exits.
const fs = require('fs');
const path = require('path');
const cfg = require('./config');

function runDir(name) {
  const dir = path.join(cfg.ROOT, 'runs', `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.on('exit', () => {
    if (!process.env.CORPUS_LENS_KEEP_RUNS) fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function freshWorkspace(name) {
  const dir = runDir(name);
  fs.cpSync(path.join(cfg.PROJECT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

/**
 * The Restricted Mode suite's workspace: the sample corpus, with workspace settings that would
 * widen the corpus (every file, no size limit) and files that only those settings admit.
 */
function untrustedWorkspace(name) {
  const dir = freshWorkspace(name);
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'corpusLens.include': '**/*', 'corpusLens.maxFileSizeMB': 100000 }, null, 2),
  );
  fs.mkdirSync(path.join(dir, 'private'));
  fs.writeFileSync(path.join(dir, 'private', 'outside-seeds.txt'), 'Angela Merkel met Vladimir Putin in Berlin.');
  fs.writeFileSync(path.join(dir, 'seeds', 'above-limit.txt'), 'Olaf Scholz met Emmanuel Macron. '.repeat(Math.ceil((5.5 * 1048576) / 33)));
  return dir;
}

module.exports = { freshWorkspace, untrustedWorkspace, runDir };
