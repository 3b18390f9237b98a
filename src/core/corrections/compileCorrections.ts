// Corrections prepared once per list for applying to many documents: operations indexed by the
// key, folded text or first word that can trigger them.

import { shortNames } from '../index/entityResolver';
import { foldKey, foldText } from '../text/nameForms';
import { EntityType, NamedType } from '../types';
import { AddEntityCorrection, Corrections } from './correctionList';

export const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

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
    for (const short of shortNames(id)) push(keyOps, `${typeOf(id)}:${short}`, { ...op, viaShort: true });
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
