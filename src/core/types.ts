// Shared vocabulary of the analysis core. Pure data: no `vscode`, no Node-only types.

/** Named types come from our own layer; the rest are wink-eng-lite-web-model's entity types. */
export const NAMED_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'] as const;
export const WINK_TYPES = [
  'DATE',
  'TIME',
  'DURATION',
  'MONEY',
  'PERCENT',
  'CARDINAL',
  'ORDINAL',
  'URL',
  'EMAIL',
  'HASHTAG',
  'MENTION',
  'EMOJI',
  'EMOTICON',
] as const;
export const ENTITY_TYPES = [...NAMED_TYPES, ...WINK_TYPES] as const;

export type NamedType = (typeof NAMED_TYPES)[number];
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A span of the document, in UTF-16 code units of the text as an editor holds it. */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /**
   * Identity of the entity this mention refers to, stable across re-analysis:
   * `TYPE:normalised canonical name`, e.g. `PERSON:xi jinping`.
   */
  entityKey: string;
  /** The canonical display name of the entity within this document, e.g. "Xi Jinping"; a resolved DATE's value. */
  name: string;
  /** DATE: resolved ISO 8601 value (`2023-02-24`, `2022-12`, `2022`, `2023-03/2023-05`) or null. */
  value: string | null;
}

export type Sentence = Span;

export interface DocumentAnalysis {
  /** ANALYZER_VERSION that produced it (cache key). */
  analyzer: string;
  /** The document's own date (ISO `YYYY-MM-DD`), or null. */
  date: string | null;
  /** Number of word-like tokens (statistics). */
  tokens: number;
  sentences: Sentence[];
  /** Sorted by start, non-overlapping. */
  mentions: Mention[];
}

/** Which layer finds the names: the trained tagger, or the hand-written rules it replaced. */
export const RECOGNIZERS = ['learned', 'rules'] as const;
export type Recognizer = (typeof RECOGNIZERS)[number];

export interface AnalyzeOptions {
  /** Overrides the date found in the text (for relative dates). */
  documentDate?: string | null;
  /** Default: 'learned'. */
  recognizer?: Recognizer;
}
