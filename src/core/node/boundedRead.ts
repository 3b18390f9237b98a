import * as fs from 'fs';

/** The bytes of a regular file, or why they were not read. I/O errors are thrown. */
export type BoundedRead = { bytes: Buffer } | { notRegular: string } | { tooLarge: number };

const CHUNK_BYTES = 1 << 16;

/**
 * Reads a regular file of at most `maxBytes`. Anything else (a FIFO would block until a writer
 * came, a device may never end) is never opened: the type is checked before, and again on the
 * descriptor, opened without blocking, in case the path was replaced meanwhile. A file that grows
 * past the limit while it is read is not read further.
 */
export function readRegularFile(file: string, maxBytes: number): BoundedRead {
  const problem = (stat: fs.Stats): BoundedRead | undefined => {
    if (!stat.isFile()) return { notRegular: `not a regular file (${fileKind(stat)})` };
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    return undefined;
  };
  const before = problem(fs.statSync(file));
  if (before) return before;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    const now = problem(stat);
    if (now) return now;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One read for a file that did not change since fstat; one byte past the limit tells it grew beyond.
      const chunk = Buffer.allocUnsafe(Math.min(chunks.length === 0 ? stat.size + 1 : CHUNK_BYTES, maxBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { tooLarge: total };
    }
    return { bytes: Buffer.concat(chunks) };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a path that is not a regular file is (after following links), for messages. */
function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

/** "6.0 MB", or "3 KB" below a tenth of a megabyte: a size for messages. */
export function fileSize(bytes: number): string {
  return bytes < 0.1 * 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** An I/O error's code (ENOENT, EACCES...), or its message. */
export function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message;
}
