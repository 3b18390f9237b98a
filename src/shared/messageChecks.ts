// The checks both message parsers share (panelMessages.ts, chartMessages.ts): shapes and bounds
// of what the webview sends. Imports only from src/shared: the webview bundle pulls it in.

import { MAX_COLLOCATE_WINDOW, MAX_PANEL_WIDTH } from './analyticsOptions';

/** Bounds on what the webview may send. */
export const LIMITS = {
  /** Entity ids are `TYPE:normalised name`; document ids are URIs. */
  maxIdLength: 4096,
  maxSearchLength: 1000,
  /** Largest offset accepted (the reader refuses files far smaller than this). */
  maxOffset: 0x3fffffff,
} as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= LIMITS.maxIdLength;
}

export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LIMITS.maxOffset;
}

export function isWidth(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_PANEL_WIDTH;
}

export function isWindow(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_COLLOCATE_WINDOW;
}

/** No keys but these (a message with more is refused as a whole). */
export function onlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every(k => keys.includes(k));
}

/** A period as the timeline names it: `2023`, `2023-02` or `2023-02-15`. */
export function isPeriodValue(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
}
