// Corrections in the words the user sees: entities by their names, never by their keys.
import type { Correction } from '../../core/corrections/corrections';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { ENTITY_TYPES } from '../../core/types';

/** An entity's name from its key: its record's, else that of the entity it was retyped into, else the key's (folded) name. */
export function entityName(index: CorpusIndex, key: string): string {
  const folded = key.slice(key.indexOf(':') + 1);
  for (const id of [key, ...ENTITY_TYPES.map(t => `${t}:${folded}`)]) {
    const name = index.entity(id)?.name;
    if (name) return name;
  }
  return folded;
}

/** One line for notifications and the log, e.g. `retype Communist Party as NORP`. */
export function correctionText(c: Correction, nameOf: (key: string) => string): string {
  switch (c.op) {
    case 'retype':
      return `retype ${nameOf(c.entity)} as ${c.type}`;
    case 'notEntity':
      return `"${c.text}" is not an entity`;
    case 'addEntity':
      return `add "${c.text}" as ${c.type}`;
    case 'merge':
      return `merge ${nameOf(c.entity)} into ${c.name ?? nameOf(c.into)}`;
    case 'split':
      return `split "${c.alias}" off ${nameOf(c.entity)}`;
  }
}
