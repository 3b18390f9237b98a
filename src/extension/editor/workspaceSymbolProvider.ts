// Ctrl+T / Go to Symbol in Workspace: entities by name or alias (src/shared/search.ts: a name, or
// one of its words, starts with the query), each leading to its first mention.

import * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/corpusIndex';
import { matchesQuery, normaliseQuery } from '../../shared/search';
import type { Services } from '../services';
import { mentionLocation } from './mentionLocations';
import { SYMBOL_KINDS } from './symbolKinds';

const LIMIT = 200;

export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly services: Services) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const { index } = this.services;
    const q = normaliseQuery(query);
    const symbols: vscode.SymbolInformation[] = [];
    for (const entity of index.entities({ prefix: q || undefined, limit: LIMIT })) {
      const first = index.mentionsOf(entity.id)[0];
      if (!first) continue;
      symbols.push(new vscode.SymbolInformation(symbolName(entity, q), SYMBOL_KINDS[entity.type], entity.type, mentionLocation(first)));
    }
    return symbols;
  }
}

/** The canonical name, plus the alias that matched when the name itself does not. */
function symbolName(entity: EntityRecord, q: string): string {
  if (matchesQuery(entity.name, q)) return entity.name;
  const alias = entity.aliases.find(a => matchesQuery(a, q));
  return alias ? `${entity.name} (${alias})` : entity.name;
}
