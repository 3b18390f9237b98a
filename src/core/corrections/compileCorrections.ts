// Corrections prepared once per list for applying to many documents: operations indexed by the
// key, folded text or first word that can trigger them.

import { shortNames } from '../index/entityResolver';
import { foldKey, foldText } from '../text/nameForms';
import { EntityType, NamedType } from '../types';
import { Correction, Corrections } from './correctionList';

export interface KeyOp {
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

export interface AddOp {
  index: number;
  type: NamedType;
  /** The text, white space collapsed; its entity id is folded only where it matches (see addKey). */
  name: string;
}

/** An addition's entity id. */
export function addKey(op: AddOp): string {
  return foldKey(`${op.type}:${op.name}`);
}

/**
 * The additions' texts as a trie over units, so that one walk per position finds every text
 * starting there. Most nodes have one child (names rarely share more than a first word), so a
 * node's only child sits in two arrays and only branching nodes get a map: a map entry per edge
 * made building 20,000 additions cost as much as analysing a long document.
 */
export class AddTrie {
  /** Per node: the unit of its only child, NONE, or BRANCHING (its children are in `branches`). */
  private readonly childUnit: string[] = [NONE];
  private readonly childNode: number[] = [0];
  private readonly branches = new Map<number, Map<string, number>>();
  /** Per node: the additions whose text ends there, in list order. */
  private readonly ends: (AddOp[] | undefined)[] = [undefined];
  size = 0;

  add(text: string, op: AddOp): void {
    let node = 0;
    for (const unit of units(text).keys) node = this.child(node, unit) ?? this.grow(node, unit);
    // Texts ending at one node have the same units, so an earlier addition of the same type only
    // ever adds the spans the later one replaces: keeping the last is the same result, once.
    const ending = (this.ends[node] ??= []);
    const same = ending.findIndex(o => o.type === op.type);
    if (same >= 0) ending.splice(same, 1);
    ending.push(op);
    this.size++;
  }

  /** The node after `unit` from `node` (0 is the root), if any text goes on that way. */
  child(node: number, unit: string): number | undefined {
    const only = this.childUnit[node];
    if (only === unit) return this.childNode[node];
    return only === BRANCHING ? this.branches.get(node)!.get(unit) : undefined;
  }

  endingAt(node: number): readonly AddOp[] | undefined {
    return this.ends[node];
  }

  /** A new child of `node` by `unit` (which it does not have yet). */
  private grow(node: number, unit: string): number {
    const next = this.childUnit.length;
    this.childUnit.push(NONE);
    this.childNode.push(0);
    this.ends.push(undefined);
    const only = this.childUnit[node];
    if (only === NONE) {
      this.childUnit[node] = unit;
      this.childNode[node] = next;
    } else if (only === BRANCHING) {
      this.branches.get(node)!.set(unit, next);
    } else {
      const children = new Map<string, number>();
      children.set(only, this.childNode[node]);
      children.set(unit, next);
      this.branches.set(node, children);
      this.childUnit[node] = BRANCHING;
    }
    return next;
  }
}

/** No unit is empty; these two are not single characters either. */
const NONE = '';
const BRANCHING = '\u0000\u0000';

/** Corrections prepared for applying to many documents: build once per corrections list. */
export interface CompiledCorrections {
  readonly size: number;
  /** Folded text → indexes of the notEntity corrections for it. */
  readonly notEntity: ReadonlyMap<string, readonly number[]>;
  /** Key → operations on it, in list order. */
  readonly keyOps: ReadonlyMap<string, readonly KeyOp[]>;
  readonly adds: AddTrie;
}

const compiledCache = new WeakMap<Corrections, CompiledCorrections>();

export function compileCorrections(c: Corrections): CompiledCorrections {
  const cached = compiledCache.get(c);
  if (cached && cached.size === c.corrections.length) return cached; // (a list grown in place is compiled afresh)
  const compiler = new Compiler();
  c.corrections.forEach((correction, index) => compiler.add(correction, index));
  return compiler.done(c);
}

/**
 * compileCorrections in time slices of at most `sliceMs`, yielding to the event loop between them,
 * so that a long list does not stall the extension host; compileCorrections then finds the result.
 */
export async function compileCorrectionsInSlices(c: Corrections, sliceMs: number): Promise<CompiledCorrections> {
  const compiler = new Compiler();
  let sliceStart = performance.now();
  for (let index = 0; index < c.corrections.length; index++) {
    if (index % 256 === 0 && performance.now() - sliceStart > sliceMs) {
      await new Promise(resolve => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
    compiler.add(c.corrections[index], index);
  }
  return compiler.done(c);
}

class Compiler {
  private readonly notEntity = new Map<string, number[]>();
  private readonly keyOps = new Map<string, KeyOp[]>();
  private readonly adds = new AddTrie();

  add(correction: Correction, index: number): void {
    switch (correction.op) {
      case 'notEntity':
        push(this.notEntity, foldText(correction.text), index);
        break;
      case 'retype': {
        const id = foldKey(correction.entity);
        this.register(id, { index, kind: 'retype', type: correction.type, key: `${correction.type}:${nameOf(id)}` });
        break;
      }
      case 'merge': {
        const into = foldKey(correction.into);
        this.register(correction.entity, {
          index,
          kind: 'merge',
          type: typeOf(into),
          key: into,
          name: correction.name?.trim() || undefined,
        });
        break;
      }
      case 'split':
        this.register(correction.entity, { index, kind: 'split', alias: foldText(correction.alias) });
        break;
      case 'addEntity': {
        const text = correction.text.replace(/\s+/g, ' ').trim();
        this.adds.add(text, { index, type: correction.type, name: text });
        break;
      }
    }
  }

  done(c: Corrections): CompiledCorrections {
    const compiled = { size: c.corrections.length, notEntity: this.notEntity, keyOps: this.keyOps, adds: this.adds };
    compiledCache.set(c, compiled);
    return compiled;
  }

  private register(entity: string, op: Omit<KeyOp, 'viaShort'>): void {
    const id = foldKey(entity);
    push(this.keyOps, id, { ...op, viaShort: false });
    for (const short of shortNames(id)) push(this.keyOps, `${typeOf(id)}:${short}`, { ...op, viaShort: true });
  }
}

/**
 * A text's units, what additions are matched in: runs of letters, digits and marks (whole words),
 * runs of white space (any run matches any other) and single other characters (both apostrophes
 * are one). Where each starts (and, after the last, where the text ends) and its key. A scan by character codes (the regex only for non-ASCII characters): on a 20,000-addition list
 * the regex /[\p{L}\p{N}\p{M}]+|(\s+)|[^]/gu cost more than building the trie.
 */
export function units(text: string): { starts: number[]; keys: string[] } {
  const starts: number[] = [];
  const keys: string[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const kind = unitKind(text, i);
    i += width(text, i);
    if (kind === OTHER) {
      const char = text.slice(start, i);
      keys.push(char === '\u2019' ? "'" : char);
    } else {
      while (i < text.length && unitKind(text, i) === kind) i += width(text, i);
      keys.push(kind === SPACE ? ' ' : text.slice(start, i));
    }
    starts.push(start);
  }
  starts.push(text.length);
  return { starts, keys };
}

const WORD = 0;
const SPACE = 1;
const OTHER = 2;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_CHAR = /^\s$/u;

/** Letters, digits and marks make words; white space makes spaces; anything else stands alone. */
function unitKind(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return WORD;
    return c === 32 || (c >= 9 && c <= 13) ? SPACE : OTHER;
  }
  const char = String.fromCodePoint(text.codePointAt(i)!);
  return WORD_CHAR.test(char) ? WORD : SPACE_CHAR.test(char) ? SPACE : OTHER;
}

/** Code units of the character at `i` (2 for a surrogate pair). */
function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

export function typeOf(key: string): EntityType {
  return key.slice(0, key.indexOf(':')) as EntityType;
}

function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
