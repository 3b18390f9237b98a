import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';

/** Polls `check` until it returns a truthy value (conditions the UI reaches asynchronously). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 30000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

export async function api(): Promise<CorpusLensApi> {
  const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
  if (!ext) throw new Error('extension missing');
  await waitFor(() => ext.isActive, 'activation');
  return ext.exports;
}

/** Records the longest delay of a 5 ms timer: how long the extension host's event loop stalled. */
export function lagMonitor(): { stop(): number } {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}
