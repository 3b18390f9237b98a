// A throw-away copy of the sample corpus for a test run, so tests may edit, add and delete files
// without touching the project's seeds/.
const fs = require('fs');
const path = require('path');
const cfg = require('./config');

function freshWorkspace(name) {
  const dir = path.join(cfg.ROOT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(cfg.PROJECT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

module.exports = { freshWorkspace };
