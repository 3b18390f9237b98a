/**
 * Files analysed per worker thread. Each worker warms up on its own: it loads wink's model and
 * ours, and V8 compiles the hot code again for it, on background threads that compete for the
 * same cores. On 250 article-sized files in one thread, the first 125 took 1.04 s and the next
 * 125 0.37 s; a second worker for them made a 2-core run slower (2.9 s against 2.5 s, 6.2 s of
 * CPU against 4.4 s). Under a load of about 8, one worker was still faster at 1,000 files and
 * two were about even at 2,000.
 */
export const FILES_PER_WORKER = 1000;

/**
 * Worker threads for `files` files on `cores` cores: one per FILES_PER_WORKER files, at most one
 * per core, at least one. The load average is not consulted: it counts the CLI's own previous run
 * and niced background jobs, and a busy core is shared rather than lost.
 */
export function workerCount(cores: number, files: number): number {
  return Math.max(1, Math.min(cores, Math.ceil(files / FILES_PER_WORKER)));
}
