// Corrections prepared once per list for applying to many documents: operations indexed by the
// key, folded text or first word that can trigger them.

import { shortNames } from '../index/entityResolver';
import { foldKey, foldText } from '../text/nameForms';
import { EntityType, NamedType } from '../types';
import { Correction, Corrections } from './correctionList';

/**
 * What texts are matched in: runs of letters and digits (whole words), runs of white space (any
 * run matches any other) and single other characters (both apostrophes are one).
 */
const UNIT = /[\p{L}\p{N}\p{M}]+|(\s+)|[^]/gu;

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
  key: string;
  name: string;
}

/**
 * The additions' texts as a trie over units, so that one walk per position finds every text
 * starting there. Its edges are in one map (a map per node costs more to build than the walk saves).
 */
/** More than the distinct units of any list the size limit allows; node * UNIT_SPACE + unit stays exact. */
const UNIT_SPACE = 2 ** 24;

export class AddTrie {
  /** Units as numbers, so that an edge is a number too: strings as keys cost more to build. */
  private readonly unitIds = new Map<string, number>();
  /** Edge (node * UNIT_SPACE + unit) → node. */
  private readonly edges = new Map<number, number>();
  /** Node → the additions whose text ends there, in list order. */
  private readonly ends = new Map<number, AddOp[]>();
  private nodes = 1;
  size = 0;

  add(text: string, op: AddOp): void {
    let node = 0;
    for (const unit of units(text).keys) {
      let id = this.unitIds.get(unit);
      if (id === undefined) this.unitIds.set(unit, (id = this.unitIds.size));
      const edge = node * UNIT_SPACE + id;
      let next = this.edges.get(edge);
      if (next === undefined) this.edges.set(edge, (next = this.nodes++));
      node = next;
    }
    push(this.ends, node, op);
    this.size++;
  }

  /** The node after `unit` from `node` (0 is the root), if any text goes on that way. */
  child(node: number, unit: string): number | undefined {
    const id = this.unitIds.get(unit);
    return id === undefined ? undefined : this.edges.get(node * UNIT_SPACE + id);
  }

  endingAt(node: number): readonly AddOp[] | undefined {
    return this.ends.get(node);
  }
}

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
        this.adds.add(text, { index, type: correction.type, key: foldKey(`${correction.type}:${text}`), name: text });
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

/** A text's units: where each starts (and, after the last, where the text ends) and its key. */
export function units(text: string): { starts: number[]; keys: string[] } {
  const starts: number[] = [];
  const keys: string[] = [];
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(text); m; m = UNIT.exec(text)) {
    starts.push(m.index);
    keys.push(m[1] !== undefined ? ' ' : m[0] === '\u2019' ? "'" : m[0]);
  }
  starts.push(text.length);
  return { starts, keys };
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
