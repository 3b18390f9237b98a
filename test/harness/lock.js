// One real-VS-Code run at a time per clone: runs share dist/ (the build) and the machine's two
// cores. A lock folder holds the owner's pid; a lock whose owner is gone is taken over.
const fs = require('fs');
const path = require('path');
const cfg = require('./config');

const LOCK = path.join(cfg.ROOT, 'run.lock');

const alive = pid => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function acquireRunLock() {
  fs.mkdirSync(cfg.ROOT, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      process.on('exit', () => fs.rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8').trim() || 0);
      if (owner && !alive(owner)) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!waited) {
        console.log(`[harness] waiting for another test run (pid ${owner}) to finish`);
        waited = true;
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

module.exports = { acquireRunLock };
