// Applying corrections to one document's analysis. Retype, merge and split follow an entity's
// short forms (see shortNames) even where the short form is ambiguous in the corpus: a
// per-document function cannot know, and following it is what a person expects far more often.

import { foldKey, foldText, surfaceForm } from '../text/nameForms';
import { DocumentAnalysis, Mention } from '../types';
import { AddOp, AddTrie, addKey, CompiledCorrections, KeyOp, compileCorrections, push, typeOf, units } from './compileCorrections';
import { Corrections, SPLIT_SUFFIX } from './correctionList';

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
export function applyCorrections(
  text: string,
  analysis: DocumentAnalysis,
  corrections: Corrections | CompiledCorrections,
): DocumentAnalysis {
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

function resolve(
  { mention, origin }: Candidate,
  keyOps: ReadonlyMap<string, readonly KeyOp[]>,
  fold: (key: string) => string,
): Mention | Unnamed {
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

/**
 * The additions' spans in `text`: whole units (so whole words), each addition's own matches not
 * overlapping. One walk of the trie per position, however many additions there are.
 */
function findAdditions(text: string, mentions: readonly Mention[], adds: AddTrie): Candidate[] {
  const found: Candidate[] = [];
  const lastEnd = new Map<AddOp, number>();
  const ids = new Map<AddOp, string>();
  const keyOf = (op: AddOp) => ids.get(op) ?? ids.set(op, addKey(op)).get(op)!;
  const { starts, keys } = units(text);
  for (let first = 0; first < keys.length; first++) {
    const start = starts[first];
    let node = adds.child(0, keys[first]);
    for (let at = first + 1; node !== undefined; node = at < keys.length ? adds.child(node, keys[at++]) : undefined) {
      const end = starts[at];
      for (const op of adds.endingAt(node) ?? []) {
        if (start < (lastEnd.get(op) ?? 0)) continue;
        lastEnd.set(op, end);
        const same = findSpan(mentions, start, end);
        const mention: Mention =
          same && same.type === op.type
            ? same
            : { start, end, text: text.slice(start, end), type: op.type, entityKey: keyOf(op), name: op.name, value: null };
        found.push({ mention, origin: op.index });
      }
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
