// The symbol kind (icon) of each entity type in the Outline, breadcrumbs and Ctrl+T.

import * as vscode from 'vscode';
import type { EntityType } from '../../core/types';

const K = vscode.SymbolKind;

export const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  PERSON: K.Object,
  ORG: K.Class,
  PLACE: K.Package,
  NORP: K.Enum,
  MISC: K.Interface,
  DATE: K.Event,
  TIME: K.Event,
  DURATION: K.Event,
  MONEY: K.Number,
  PERCENT: K.Number,
  CARDINAL: K.Number,
  ORDINAL: K.Number,
  URL: K.String,
  EMAIL: K.String,
  HASHTAG: K.Key,
  MENTION: K.Key,
  EMOJI: K.Constant,
  EMOTICON: K.Constant,
};

/** The kind of a paragraph in the Outline (as Markdown's headings: text, not code). */
export const PARAGRAPH_KIND = vscode.SymbolKind.String;
