// Ctrl+T / Go to Symbol in Workspace: entities by name or alias (a word prefix, or failing that
// the letters in order), each leading to its first mention.

import * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/corpusIndex';
import type { Services } from '../services';
import { mentionLocation } from './mentionLocations';
import { SYMBOL_KINDS } from './symbolKinds';

const LIMIT = 200;

export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly services: Services) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const { index } = this.services;
    const q = query.trim().toLowerCase();
    const found = index.entities({ prefix: q || undefined, limit: LIMIT });
    if (q && found.length < LIMIT) {
      const have = new Set(found.map(e => e.id));
      for (const entity of index.entities()) {
        if (found.length >= LIMIT) break;
        if (!have.has(entity.id) && namesOf(entity).some(name => isSubsequence(q, name.toLowerCase()))) found.push(entity);
      }
    }
    const symbols: vscode.SymbolInformation[] = [];
    for (const entity of found) {
      const first = index.mentionsOf(entity.id)[0];
      if (!first) continue;
      symbols.push(new vscode.SymbolInformation(symbolName(entity, q), SYMBOL_KINDS[entity.type], entity.type, mentionLocation(first)));
    }
    return symbols;
  }
}

function namesOf(entity: EntityRecord): string[] {
  return [entity.name, ...entity.aliases];
}

/** The canonical name, plus the alias that matched when the name itself does not. */
function symbolName(entity: EntityRecord, q: string): string {
  if (!q || isSubsequence(q, entity.name.toLowerCase())) return entity.name;
  const alias = entity.aliases.find(a => isSubsequence(q, a.toLowerCase()));
  return alias ? `${entity.name} (${alias})` : entity.name;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; i < needle.length && j < haystack.length; j++) if (needle[i] === haystack[j]) i++;
  return i === needle.length;
}
