// A lock that works across processes (two VS Code windows on one folder): a lock file created
// exclusively, holding its owner's pid and host. A lock whose owner died, or older than
// STALE_MS, is broken: a write holds it for milliseconds.
import { promises as fs } from 'fs';
import * as os from 'os';

const STALE_MS = 30_000;
const WAIT_MS = 10_000;
const RETRY_MS = 15;

/** Runs `run` holding `${file}.lock`; fails after WAIT_MS if another live process keeps it. */
export async function withFileLock<T>(file: string, run: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const owner = `${process.pid} ${os.hostname()}\n`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await fs.writeFile(lock, owner, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await fs.readFile(lock, 'utf8').catch(() => '');
    if (await isStale(lock, holder)) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${file} is locked by another process (${lock}: ${holder.trim() || 'no owner'})`);
    await new Promise(resolve => setTimeout(resolve, RETRY_MS + Math.random() * RETRY_MS));
  }
  try {
    return await run();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function isStale(lock: string, holder: string): Promise<boolean> {
  const stat = await fs.stat(lock).catch(() => undefined);
  if (!stat) return false; // released meanwhile: try again
  if (Date.now() - stat.mtimeMs > STALE_MS) return true;
  const [, pid, host] = /^(\d+) (.*)\n$/.exec(holder) ?? [];
  if (host !== os.hostname()) return false; // being written, or another machine's
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
