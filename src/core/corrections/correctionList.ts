// The corrections list: its types and the edits the editor makes to it (one at a time, undoable).
// The file's format is schemas/corrections.schema.json; README "Corrections" explains it.

import { NamedType } from '../types';

export const CORRECTIONS_VERSION = 1;
/** The file's path relative to a workspace folder (or, for the CLI, a folder above the corpus). */
export const CORRECTIONS_FILE = '.corpus-lens/corrections.json';
/**
 * Appended to a split alias's id: the resolver finds neither a short form in it (it has a space) nor
 * a long one (its last word is "(split)"), so it is never folded back into the full name.
 */
export const SPLIT_SUFFIX = ' (split)';

export interface RetypeCorrection {
  op: 'retype';
  entity: string;
  type: NamedType;
}

export interface NotEntityCorrection {
  op: 'notEntity';
  text: string;
}

export interface AddEntityCorrection {
  op: 'addEntity';
  text: string;
  type: NamedType;
}

export interface MergeCorrection {
  op: 'merge';
  entity: string;
  into: string;
  name?: string;
}

export interface SplitCorrection {
  op: 'split';
  entity: string;
  alias: string;
}

export type Correction = RetypeCorrection | NotEntityCorrection | AddEntityCorrection | MergeCorrection | SplitCorrection;

export interface Corrections {
  version: 1;
  /** Applied in order. */
  corrections: Correction[];
}

export function emptyCorrections(): Corrections {
  return { version: 1, corrections: [] };
}

/** A new list with `correction` last. */
export function addCorrection(corrections: Corrections, correction: Correction): Corrections {
  return { version: 1, corrections: [...corrections.corrections, correction] };
}

/** A new list without the last correction (the same list when there is none). */
export function undoLastCorrection(corrections: Corrections): Corrections {
  return corrections.corrections.length === 0 ? corrections : { version: 1, corrections: corrections.corrections.slice(0, -1) };
}
