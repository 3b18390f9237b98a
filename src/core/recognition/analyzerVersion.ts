import type { Recognizer } from '../types';

/**
 * Bump whenever the analyzer's output for some text changes: it keys the analysis cache.
 * Kept apart from analyzer.ts so the extension host can read it without bundling the model.
 */
export const ANALYZER_VERSION = 'core-13';

/** The version stamped on an analysis by `recognizer`: a cache never serves one layer's for the other's. */
export function analyzerVersion(recognizer: Recognizer = 'learned'): string {
  return recognizer === 'learned' ? ANALYZER_VERSION : `${ANALYZER_VERSION}-${recognizer}`;
}
