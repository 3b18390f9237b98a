/**
 * Bump whenever the analyzer's output for some text changes: it keys the analysis cache.
 * Kept apart from analyzer.ts so the extension host can read it without bundling the model.
 */
export const ANALYZER_VERSION = 'core-8';
