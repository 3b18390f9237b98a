// Corrections: what a person fixed in the recogniser's output, kept in the workspace as
// `.corpus-lens/corrections.json` and applied to every document's analysis before it reaches the
// corpus index (so decorations, hovers, tree, panel, exports and the CLI all see them).
//
// ## The file (version 1)
//
//   {
//     "version": 1,
//     "corrections": [
//       { "op": "retype", "entity": "ORG:tass", "type": "MISC" },
//       { "op": "notEntity", "text": "Jinping" },
//       { "op": "addEntity", "text": "Olga Smirnova", "type": "PERSON" },
//       { "op": "merge", "entity": "PERSON:putin", "into": "PERSON:vladimir putin", "name": "Vladimir Putin" },
//       { "op": "split", "entity": "PERSON:xi jinping", "alias": "Jinping" }
//     ]
//   }
//
// - `version`: 1. A newer version is refused (never rewritten) rather than half understood.
// - `corrections`: an ordered list; each one applies on top of those before it, so undoing the
//   last correction is dropping the last element, and the result is always a function of the list.
// - Entity ids are the index's: `TYPE:folded name` (see foldKey), as shown by the tree, panel and
//   CLI. Ids written by hand are folded on load ("ORG:TASS" is "ORG:tass").
// - `retype`: the entity gets a named `type` everywhere; its id becomes `TYPE:same name`.
// - `notEntity`: mentions whose text is `text` (case-insensitively, spacing, curly apostrophes and a
//   possessive 's ignored) are dropped, whatever their type (dates and amounts too: "this text is
//   never an entity").
// - `addEntity`: every span identical to `text` (case-sensitively; any run of white space matches
//   any run, ’ matches ') that is not part of a longer word becomes a mention of
//   `TYPE:folded text`, replacing the mentions it overlaps. Where the recogniser already found
//   that very span with that type, its identity (e.g. "Putin" → Vladimir Putin) is kept.
// - `merge`: `entity`'s mentions become mentions of `into` (its id, type and name; `name`, written
//   by the editor, is the display name to use in documents where `into` does not occur; without
//   it, the mentions keep their own name there).
// - `split`: mentions of `entity` whose text is `alias` (compared as for notEntity) become their
//   own entity, id `TYPE:folded alias (split)`, named by the mentions' text.
//
// ## Across documents
// The index maps a lone surname or acronym key in one document to the full name found in others
// ("PERSON:jinping" → "PERSON:xi jinping", see EntityResolver), after corrections. So retype,
// merge and split on an entity also apply to the short keys the resolver would map to it
// (surname for PERSON, initials for other named types). Where that short form is ambiguous in the
// corpus (two people with that surname), it follows the correction anyway: a per-document
// function cannot know, and following it is what a person expects far more often.
// A split gets the suffix " (split)" in its id: the resolver maps neither a name with a space
// (no short signature) nor a last word "(split)" or initials with "(" (no long signature), so the
// split entity is never folded back into the full name, and never captures other short names.
//
// Nothing here imports `vscode`: the editor and the CLI share it.

import { foldKey } from '../index/entityResolver';
import { scanJson } from '../text/jsonLayout';
import { surfaceForm } from '../index/packedAnalysis';
import { DocumentAnalysis, ENTITY_TYPES, EntityType, Mention, NAMED_TYPES, NamedType } from '../types';

export const CORRECTIONS_VERSION = 1;
/** The file's path relative to a workspace folder (or, for the CLI, a folder above the corpus). */
export const CORRECTIONS_FILE = '.corpus-lens/corrections.json';
/** Appended to a split alias's id so that the cross-document resolver leaves it alone. */
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

export type ParsedCorrections = { corrections: Corrections } | { error: string; line: number; column: number };

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

/** One line for menus and messages ("Undo: retype ORG:tass as MISC"). */
export function describeCorrection(c: Correction): string {
  switch (c.op) {
    case 'retype': return `retype ${c.entity} as ${c.type}`;
    case 'notEntity': return `"${c.text}" is not an entity`;
    case 'addEntity': return `add "${c.text}" as ${c.type}`;
    case 'merge': return `merge ${c.entity} into ${c.into}`;
    case 'split': return `split "${c.alias}" off ${c.entity}`;
  }
}

// ---- the file

/** Each operation's fields, in the order they are written (diff-stable, `op` first to read well). */
const FIELDS: Record<Correction['op'], { required: string[]; optional: string[] }> = {
  retype: { required: ['entity', 'type'], optional: [] },
  notEntity: { required: ['text'], optional: [] },
  addEntity: { required: ['text', 'type'], optional: [] },
  merge: { required: ['entity', 'into'], optional: ['name'] },
  split: { required: ['entity', 'alias'], optional: [] },
};

/**
 * The file's text: 2-space indent, one correction per line (a diff shows one line per
 * correction), fields in a fixed order, a trailing newline.
 */
export function serializeCorrections(c: Corrections): string {
  const lines = c.corrections.map(correction => {
    const { required, optional } = FIELDS[correction.op];
    const record = correction as unknown as Record<string, unknown>;
    const fields = ['op', ...required, ...optional]
      .filter(key => record[key] !== undefined)
      .map(key => `${JSON.stringify(key)}: ${JSON.stringify(record[key])}`);
    return `    { ${fields.join(', ')} }`;
  });
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${CORRECTIONS_VERSION},\n  "corrections": ${list}\n}\n`;
}

class SchemaError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/**
 * Parses and validates the file's text. Errors carry a 1-based line and column (UTF-16 code
 * units): of the JSON syntax error, else of the offending correction (or top-level field).
 */
export function parseCorrections(json: string): ParsedCorrections {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const scan = scanJson(text, 'corrections');
    const reported = /at position (\d+)/.exec((error as Error).message);
    const offset = !scan.ok ? scan.offset : reported ? Number(reported[1]) : 0;
    return { error: `invalid JSON: ${syntaxMessage((error as Error).message)}`, ...lineAndColumn(text, offset) };
  }
  const scan = scanJson(text, 'corrections');
  const layout = scan.ok ? scan.layout : { keys: new Map<string, number>(), elements: [] };
  try {
    return { corrections: validate(data, key => layout.keys.get(key) ?? 0, index => layout.elements[index] ?? 0) };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    return { error: error.message, ...lineAndColumn(text, error.offset) };
  }
}

/** JSON.parse's message without the position or the quoted input ("Unexpected token '}'"). */
function syntaxMessage(message: string): string {
  return message
    .replace(/, .* is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAMED: ReadonlySet<string> = new Set(NAMED_TYPES);
const ALL_TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);
const OPS = Object.keys(FIELDS);

function validate(data: unknown, keyAt: (key: string) => number, elementAt: (index: number) => number): Corrections {
  if (!isRecord(data)) throw new SchemaError('the file must hold a JSON object {"version": 1, "corrections": [...]}', 0);
  for (const key of Object.keys(data)) {
    if (key !== 'version' && key !== 'corrections') throw new SchemaError(`unknown field "${key}" (expected "version" and "corrections")`, keyAt(key));
  }
  if (data.version === undefined) throw new SchemaError('missing "version": 1', 0);
  if (data.version !== CORRECTIONS_VERSION) {
    const newer = typeof data.version === 'number' && data.version > CORRECTIONS_VERSION;
    throw new SchemaError(
      newer ? `unsupported version ${data.version}: this Corpus Lens reads version ${CORRECTIONS_VERSION}` : `"version" must be ${CORRECTIONS_VERSION}`,
      keyAt('version'),
    );
  }
  if (data.corrections === undefined) throw new SchemaError('missing "corrections": [...]', 0);
  if (!Array.isArray(data.corrections)) throw new SchemaError('"corrections" must be an array', keyAt('corrections'));
  const corrections = data.corrections.map((item: unknown, index: number) => {
    try {
      return validateCorrection(item);
    } catch (error) {
      if (error instanceof SchemaError) throw new SchemaError(`correction ${index + 1}: ${error.message}`, elementAt(index));
      throw error;
    }
  });
  return { version: 1, corrections };
}

function validateCorrection(item: unknown): Correction {
  if (!isRecord(item)) throw new SchemaError('must be an object', 0);
  const op = item.op;
  if (typeof op !== 'string' || !OPS.includes(op)) throw new SchemaError(`"op" must be one of ${OPS.join(', ')}`, 0);
  const { required, optional } = FIELDS[op as Correction['op']];
  for (const key of Object.keys(item)) {
    if (key !== 'op' && !required.includes(key) && !optional.includes(key)) throw new SchemaError(`unknown field "${key}" for ${op}`, 0);
  }
  for (const key of [...required, ...optional]) {
    const value = item[key];
    if (value === undefined && optional.includes(key)) continue;
    if (typeof value !== 'string' || value.trim() === '') throw new SchemaError(`"${key}" must be a non-empty string`, 0);
    if (key === 'entity' || key === 'into') checkEntityId(key, value);
    if (key === 'type' && !NAMED.has(value)) throw new SchemaError(`"type" must be one of ${NAMED_TYPES.join(', ')}`, 0);
    if ((key === 'text' || key === 'alias') && !WORD_CHAR.test(value)) throw new SchemaError(`"${key}" must hold a letter or digit`, 0);
  }
  if (op === 'merge' && foldKey(item.entity as string) === foldKey(item.into as string)) throw new SchemaError('cannot merge an entity into itself', 0);
  const correction: Record<string, unknown> = { op };
  for (const key of [...required, ...optional]) if (item[key] !== undefined) correction[key] = item[key];
  return correction as unknown as Correction;
}

function checkEntityId(key: string, id: string): void {
  const colon = id.indexOf(':');
  const type = id.slice(0, colon);
  if (colon < 0 || !ALL_TYPES.has(type) || id.slice(colon + 1).trim() === '') {
    throw new SchemaError(`"${key}" must be an entity id TYPE:name with TYPE one of ${ENTITY_TYPES.join(', ')}`, 0);
  }
}

// ---- applying

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
const IS_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A text as notEntity and split compare it: lower case, spacing and apostrophes folded, no possessive. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s?$/, '');
}

interface KeyOp {
  /** Position in the list: an operation applies to mentions that existed before it. */
  index: number;
  kind: 'retype' | 'merge' | 'split';
  /** split: the folded alias the mention's text must have. */
  alias?: string;
  /** Registered under a short form of its entity (surname, acronym), not the id itself. */
  viaShort: boolean;
  /** retype: the new type; merge: the target's type. */
  type?: EntityType;
  /** retype, merge: the new key. */
  key?: string;
  /** merge: display name for documents without the target. */
  name?: string;
}

interface AddOp {
  index: number;
  type: NamedType;
  key: string;
  name: string;
  /** Code units before the first word of `text` ("#" in "#MeToo"). */
  prefix: number;
  /** Sticky: the whole text, from the candidate start. */
  pattern: RegExp;
  /** Whether the text ends with a letter or digit (then the span must not be followed by one). */
  wordEnd: boolean;
}

/** Corrections prepared for applying to many documents: build once per corrections list. */
export interface CompiledCorrections {
  readonly size: number;
  /** Folded text → indexes of the notEntity corrections for it. */
  readonly notEntity: ReadonlyMap<string, readonly number[]>;
  /** Key → operations on it, in list order. */
  readonly keyOps: ReadonlyMap<string, readonly KeyOp[]>;
  /** First word of the text → additions starting with it. */
  readonly adds: ReadonlyMap<string, readonly AddOp[]>;
}

const compiledCache = new WeakMap<Corrections, CompiledCorrections>();

export function compileCorrections(c: Corrections): CompiledCorrections {
  const cached = compiledCache.get(c);
  if (cached && cached.size === c.corrections.length) return cached; // (a list grown in place is compiled afresh)
  const notEntity = new Map<string, number[]>();
  const keyOps = new Map<string, KeyOp[]>();
  const adds = new Map<string, AddOp[]>();
  const register = (entity: string, op: Omit<KeyOp, 'viaShort'>): void => {
    const id = foldKey(entity);
    push(keyOps, id, { ...op, viaShort: false });
    for (const short of shortForms(id)) push(keyOps, short, { ...op, viaShort: true });
  };
  c.corrections.forEach((correction, index) => {
    switch (correction.op) {
      case 'notEntity':
        push(notEntity, foldText(correction.text), index);
        break;
      case 'retype': {
        const id = foldKey(correction.entity);
        register(id, { index, kind: 'retype', type: correction.type, key: `${correction.type}:${nameOf(id)}` });
        break;
      }
      case 'merge': {
        const into = foldKey(correction.into);
        register(correction.entity, { index, kind: 'merge', type: typeOf(into), key: into, name: correction.name?.trim() || undefined });
        break;
      }
      case 'split':
        register(correction.entity, { index, kind: 'split', alias: foldText(correction.alias) });
        break;
      case 'addEntity': {
        const add = compileAdd(correction, index);
        push(adds, add.firstWord, add.op);
        break;
      }
    }
  });
  const compiled = { size: c.corrections.length, notEntity, keyOps, adds };
  compiledCache.set(c, compiled);
  return compiled;
}

function compileAdd(c: AddEntityCorrection, index: number): { firstWord: string; op: AddOp } {
  const text = c.text.replace(/\s+/g, ' ').trim();
  WORD_RUN.lastIndex = 0;
  const first = WORD_RUN.exec(text)!; // validated: the text holds a letter or digit
  const source = [...text]
    .map(char => (char === ' ' ? '\\s+' : char === "'" || char === '\u2019' ? "['\u2019]" : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return {
    firstWord: first[0],
    op: {
      index,
      type: c.type,
      key: foldKey(`${c.type}:${text}`),
      name: text,
      prefix: first.index,
      pattern: new RegExp(source, 'uy'),
      wordEnd: /[\p{L}\p{N}\p{M}]$/u.test(text),
    },
  };
}

// The resolver's short forms (EntityResolver's longSignatures, as keys): kept in step with it by
// the cross-document tests in corrections.test.ts.
const INITIALS_SKIPPED = new Set(['of', 'the', 'and', 'for', '&', 'de', 'du', 'la', 'le']);
const ACRONYM = /^[a-z]{2,5}$/;

/** The one-word keys the cross-document resolver may map to `id`. */
function shortForms(id: string): string[] {
  const type = typeOf(id);
  const words = nameOf(id).split(/[ -]+/).filter(Boolean);
  if (!NAMED.has(type) || words.length < 2) return [];
  if (type === 'PERSON') return [`${type}:${words[words.length - 1]}`];
  const initials = words.filter(w => !INITIALS_SKIPPED.has(w)).map(w => w[0]).join('');
  return ACRONYM.test(initials) ? [`${type}:${initials}`] : [];
}

function typeOf(key: string): EntityType {
  return key.slice(0, key.indexOf(':')) as EntityType;
}

function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Candidate {
  mention: Mention;
  /** Index of the correction that made it; -1 for the recogniser's. */
  origin: number;
}

/**
 * One document's analysis with the corrections applied: mentions sorted, non-overlapping, with
 * exact offsets and updated type, entityKey and name. Pure; returns `analysis` itself when no
 * correction touches the document. Pass compiled corrections (or the same Corrections object,
 * whose compilation is cached) when applying to many documents; treat Corrections as immutable
 * (addCorrection and undoLastCorrection return new lists).
 */
export function applyCorrections(text: string, analysis: DocumentAnalysis, corrections: Corrections | CompiledCorrections): DocumentAnalysis {
  const compiled = 'keyOps' in corrections ? corrections : compileCorrections(corrections);
  if (compiled.size === 0) return analysis;

  // 1. Spans: the recogniser's, then the text corrections that hit this document, in order.
  let candidates: Candidate[] = analysis.mentions.map(mention => ({ mention, origin: -1 }));
  const events = textEvents(text, analysis.mentions, compiled);
  const changed = events.length > 0;
  for (const event of events) {
    if ('removes' in event) candidates = candidates.filter(c => foldText(c.mention.text) !== event.removes);
    else for (const match of event.adds) insertAddition(candidates, match);
  }

  // 2. Identities: each mention through the key operations made after it existed.
  const folded = new Map<string, string>();
  const fold = (key: string): string => {
    let f = folded.get(key);
    if (f === undefined) folded.set(key, (f = foldKey(key)));
    return f;
  };
  const resolved = compiled.keyOps.size > 0 ? candidates.map(c => resolve(c, compiled.keyOps, fold)) : candidates.map(c => c.mention);
  if (!changed && resolved.every((r, i) => r === candidates[i].mention)) return analysis;

  // 3. Names wanted from the document: the target entity's own name where it occurs here.
  let mentions: Mention[] = resolved;
  if (resolved.some(r => 'fallback' in r)) {
    const names = new Map<string, string>();
    for (const r of resolved) if (!('fallback' in r) && !names.has(fold(r.entityKey))) names.set(fold(r.entityKey), r.name);
    mentions = resolved.map(r => ('fallback' in r ? toMention(r as Unnamed, names.get(r.entityKey) ?? (r as Unnamed).fallback) : r));
  }
  return { ...analysis, mentions };
}

/** A mention whose name is to be the entity's name in this document, else `fallback`. */
interface Unnamed extends Mention {
  fallback: string;
}

function toMention({ start, end, text, type, entityKey, value }: Unnamed, name: string): Mention {
  return { start, end, text, type, entityKey, name, value };
}

function resolve({ mention, origin }: Candidate, keyOps: ReadonlyMap<string, readonly KeyOp[]>, fold: (key: string) => string): Mention | Unnamed {
  let key = fold(mention.entityKey);
  let ops = keyOps.get(key);
  if (!ops) return mention;
  let { type, name } = mention;
  let wantsName: string | null = null;
  let from = origin;
  let alias: string | undefined;
  let touched = false;
  while (ops) {
    const op = ops.find(o => o.index > from && (o.alias === undefined || o.alias === (alias ??= foldText(mention.text))));
    if (!op) break;
    touched = true;
    from = op.index;
    if (op.kind === 'split') {
      key = `${typeOf(key)}:${op.alias}${SPLIT_SUFFIX}`;
      name = surfaceForm(mention.text);
      wantsName = null;
    } else if (op.kind === 'retype') {
      key = op.key!;
      type = op.type!;
      if (op.viaShort && wantsName === null) wantsName = name;
    } else {
      key = op.key!;
      type = op.type!;
      wantsName = op.name ?? wantsName ?? name;
    }
    ops = keyOps.get(key);
  }
  if (!touched) return mention;
  const value = type === mention.type ? mention.value : null;
  const result: Mention = { start: mention.start, end: mention.end, text: mention.text, type, entityKey: key, name, value };
  return wantsName === null ? result : { ...result, fallback: wantsName };
}

type TextEvent = { index: number; removes: string } | { index: number; adds: Candidate[] };

/** The notEntity and addEntity corrections that can change this document, in list order. */
function textEvents(text: string, mentions: readonly Mention[], compiled: CompiledCorrections): TextEvent[] {
  const additions = compiled.adds.size > 0 ? findAdditions(text, mentions, compiled.adds) : [];
  const events: TextEvent[] = [];
  const byOp = new Map<number, Candidate[]>();
  for (const a of additions) push(byOp, a.origin, a);
  for (const [index, adds] of byOp) events.push({ index, adds });
  if (compiled.notEntity.size > 0) {
    const texts = new Set<string>();
    for (const m of mentions) texts.add(foldText(m.text));
    for (const a of additions) texts.add(foldText(a.mention.text));
    for (const folded of texts) for (const index of compiled.notEntity.get(folded) ?? []) events.push({ index, removes: folded });
  }
  return events.sort((a, b) => a.index - b.index);
}

/**
 * Adds `match` to the sorted, non-overlapping `candidates`, replacing those it overlaps; unless a
 * longer mention already holds it ("Putin" in "Vladimir Putin", "Moscow" in "Moscow State
 * University"): marking every "Putin" must not break up the full names.
 */
function insertAddition(candidates: Candidate[], match: Candidate): void {
  const { start, end } = match.mention;
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates[mid].mention.end <= start) low = mid + 1;
    else high = mid;
  }
  let last = low;
  while (last < candidates.length && candidates[last].mention.start < end) last++;
  for (let i = low; i < last; i++) {
    const m = candidates[i].mention;
    if (m.start <= start && m.end >= end && m.end - m.start > end - start) return;
  }
  candidates.splice(low, last - low, match);
}

/** The additions' spans in `text`: whole words, each addition's own matches not overlapping. */
function findAdditions(text: string, mentions: readonly Mention[], adds: ReadonlyMap<string, readonly AddOp[]>): Candidate[] {
  const found: Candidate[] = [];
  const lastEnd = new Map<AddOp, number>();
  WORD_RUN.lastIndex = 0;
  for (let run = WORD_RUN.exec(text); run; run = WORD_RUN.exec(text)) {
    const ops = adds.get(run[0]);
    if (!ops) continue;
    for (const op of ops) {
      const start = run.index - op.prefix;
      // The run is a whole word, so a text starting with its first word starts a word; one
      // starting with "#" or "@" needs no boundary before it.
      if (start < 0 || start < (lastEnd.get(op) ?? 0)) continue;
      op.pattern.lastIndex = start;
      if (!op.pattern.test(text)) continue;
      const end = op.pattern.lastIndex;
      if (op.wordEnd && end < text.length && IS_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(end)!))) continue;
      lastEnd.set(op, end);
      const same = findSpan(mentions, start, end);
      const mention: Mention = same && same.type === op.type
        ? same
        : { start, end, text: text.slice(start, end), type: op.type, entityKey: op.key, name: op.name, value: null };
      found.push({ mention, origin: op.index });
    }
  }
  return found.sort((a, b) => a.mention.start - b.mention.start || a.origin - b.origin);
}

/** The mention spanning exactly [start, end), if any (mentions sorted by start). */
function findSpan(mentions: readonly Mention[], start: number, end: number): Mention | undefined {
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].start < start) low = mid + 1;
    else if (mentions[mid].start > start) high = mid - 1;
    else return mentions[mid].end === end ? mentions[mid] : undefined;
  }
  return undefined;
}
