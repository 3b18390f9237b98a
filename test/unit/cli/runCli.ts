// Runs the CLI from its sources, as a user runs the bundle: a process of its own, on real files.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `--require` (not `--import`) so that the analysis workers, which inherit the flag, can load the
 * worker's TypeScript source too. A run that outlasts `timeoutMs` is killed (status null).
 */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Run {
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function cli(...args: string[]): Run {
  return runCli(args);
}
