// Document-level identity: the same name keeps one type, a surname alone is the person named
// in full elsewhere ("Jinping" → Xi Jinping), an acronym of an organisation's initials is that
// organisation ("SCMP" → South China Morning Post), and a lone head word ("the Ministry") is the
// nearest organisation before it with that head.
import { NamedType } from '../../types';
import { Evidence, NamedCandidate } from './namedEntities';
import { gazetteer } from './gazetteer';
import { Cue, cuesOf } from './nameCues';
import { collapseSpaces } from '../../text/textGuard';

export interface LinkedName {
  first: number;
  last: number;
  type: NamedType;
  /** Canonical display name within the document. */
  name: string;
}

/** `TYPE:name` lower-cased, with one apostrophe and single spaces. */
export function entityKey(type: string, name: string): string {
  const key = name.toLowerCase();
  return `${type}:${collapseSpaces(hasCurlyQuote(key) ? key.replace(/[’‘]/g, "'") : key)}`;
}

function hasCurlyQuote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019) return true;
  }
  return false;
}

/** Space, hyphen-minus, hyphen, en dash. */
const isWordBreak = (c: number): boolean => c === 32 || c === 45 || c === 0x2010 || c === 0x2013;

/** The words of a surface, split at spaces and hyphens (cheaper than splitting at a regular expression). */
function wordsOf(surface: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i <= surface.length; i++) {
    if (i < surface.length && !isWordBreak(surface.charCodeAt(i))) continue;
    if (i > start) words.push(surface.slice(start, i));
    start = i + 1;
  }
  return words;
}

function initials(surface: string): string {
  let out = '';
  for (const w of wordsOf(surface)) if (!(cuesOf(w) & Cue.RunConnector)) out += w[0];
  return out;
}

/**
 * A short form is linked to a name of another type only if its own type is weak evidence. With
 * `sameTypeOnly` (the learned layer, which has made its types consistent) that holds for acronyms
 * too, and a name keeps its type; the rule layer lets an organisation's initials retype any short
 * form, and types every occurrence of a name alike.
 */
export function linkEntities(candidates: readonly NamedCandidate[], sameTypeOnly = false): LinkedName[] {
  const { firstNames } = gazetteer();
  // The best-supported type of each surface form.
  const typeOf = new Map<string, NamedCandidate>();
  const personOfPart = new Map<string, string>();
  const orgOfInitials = new Map<string, string>();
  const supported = new Set<string>();
  for (const c of candidates) {
    if (!c.unsupported) supported.add(c.surface);
    if (c.headOnly) continue;
    const seen = typeOf.get(c.surface);
    if (!seen || c.evidence > seen.evidence) typeOf.set(c.surface, c);
    if (c.first === c.last) continue;
    if (c.type === 'PERSON') {
      const words = wordsOf(c.surface);
      const last = words[words.length - 1];
      if (!personOfPart.has(last)) personOfPart.set(last, c.surface);
      if (!firstNames.has(words[0]) && !personOfPart.has(words[0])) personOfPart.set(words[0], c.surface);
    } else if (c.type === 'ORG') {
      const abbr = initials(c.surface);
      if (abbr.length >= 2 && abbr === abbr.toUpperCase() && !orgOfInitials.has(abbr)) orgOfInitials.set(abbr, c.surface);
    }
  }

  const out: LinkedName[] = [];
  for (const c of candidates) {
    const person = personOfPart.get(c.surface);
    const org = orgOfInitials.get(c.surface);
    if (c.unsupported && !supported.has(c.surface) && person === undefined && org === undefined) continue;
    const linked = { first: c.first, last: c.last, type: c.type, name: c.surface };
    if (c.headOnly) {
      const head = c.surface;
      const antecedent = findLast(out, o => o.type === c.type && o.name !== head && o.name.endsWith(` ${head}`));
      if (!antecedent) continue;
      linked.name = antecedent.name;
    } else if (person !== undefined && (c.type === 'PERSON' || c.evidence < Evidence.Cue)) {
      linked.type = 'PERSON';
      linked.name = person;
    } else if (org !== undefined && (c.type === 'ORG' || !sameTypeOnly || c.evidence < Evidence.Cue)) {
      linked.type = 'ORG';
      linked.name = org;
    } else {
      linked.type = sameTypeOnly ? c.type : (typeOf.get(c.surface) ?? c).type;
    }
    out.push(linked);
  }
  return out;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}
