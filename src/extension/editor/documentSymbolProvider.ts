// The Outline and breadcrumbs of a corpus document: its entities grouped by type (in the order
// of ENTITY_TYPES), each entity (in order of first mention) with its mentions as children, up to
// MAX_MENTION_SYMBOLS mentions in the document. Beyond, entities only: VS Code asks for the
// outline after every edit, and tens of thousands of symbols took the extension host a second
// to build and send.

/** Documents with more mentions than this list entities without their mentions. */
export const MAX_MENTION_SYMBOLS = 2000;

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import { ENTITY_TYPES, EntityType } from '../../core/types';
import { plural } from '../../shared/plural';
import type { Services } from '../services';
import { mentionRange } from './mentionLocations';
import { GROUP_KIND, SYMBOL_KINDS } from './symbolKinds';

export class EntityDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly services: Services) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    if (!this.services.corpus.isCorpusDocument(doc)) return undefined;
    const { index } = this.services;
    const all = index.mentionsIn(doc.uri.toString());
    const withMentions = all.length <= MAX_MENTION_SYMBOLS;
    const byType = new Map<EntityType, Map<string, IndexedMention[]>>();
    for (const mention of all) {
      let entities = byType.get(mention.type);
      if (!entities) byType.set(mention.type, (entities = new Map()));
      const list = entities.get(mention.entityId);
      if (list) list.push(mention);
      else entities.set(mention.entityId, [mention]);
    }
    const symbols: vscode.DocumentSymbol[] = [];
    for (const type of ENTITY_TYPES) {
      const entities = byType.get(type);
      if (!entities) continue;
      const children = [...entities].map(([entityId, mentions]) => {
        const first = mentionRange(mentions[0], doc);
        const last = mentionRange(mentions[mentions.length - 1], doc);
        const name = index.entity(entityId)?.name || mentions[0].text;
        const detail = plural(mentions.length, 'mention');
        const symbol = new vscode.DocumentSymbol(label(name), detail, SYMBOL_KINDS[type], first.union(last), first);
        if (withMentions) {
          symbol.children = mentions.map(m => {
            const range = mentionRange(m, doc);
            return new vscode.DocumentSymbol(label(m.text), `line ${m.line + 1}`, SYMBOL_KINDS[type], range, range);
          });
        }
        return symbol;
      });
      const group = new vscode.DocumentSymbol(type, plural(children.length, 'entity', 'entities'), GROUP_KIND,
        span(children.map(c => c.range)), children[0].selectionRange);
      group.children = children;
      symbols.push(group);
    }
    return symbols;
  }
}

function span(ranges: vscode.Range[]): vscode.Range {
  return ranges.reduce((a, b) => a.union(b));
}

/** Symbol names must not be empty, and read best on one line. */
function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim() || '(blank)';
}
