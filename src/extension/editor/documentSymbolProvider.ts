// The Outline and breadcrumbs of a corpus document: its paragraphs in order, each with its mentions
// (exact ranges) as children. The breadcrumb shows the innermost symbol around the cursor, so each
// symbol claims only its own text: a mention its span, a paragraph its lines (grouping by type or
// entity would make a container span text that belongs to others).
// Up to MAX_MENTION_SYMBOLS mentions in the document; beyond, paragraphs only: VS Code asks for the
// outline after every edit, and tens of thousands of symbols took the extension host a second to
// build and send.

/** Documents with more mentions than this list their paragraphs without their mentions. */
export const MAX_MENTION_SYMBOLS = 2000;

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import { plural } from '../../shared/plural';
import type { Services } from '../services';
import { mentionRange } from './mentionLocations';
import { PARAGRAPH_KIND, SYMBOL_KINDS } from './symbolKinds';

/** Paragraph names are the paragraph's first words, up to this many characters. */
const PARAGRAPH_NAME_LENGTH = 40;

export class EntityDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  /**
   * Fires when a document that was asked for before the index held it is indexed: VS Code keeps
   * the answer until the text changes, so the provider must be registered again.
   */
  readonly onDidIndexAskedDocument = this.emitter.event;
  private readonly askedEarly = new Set<string>();

  constructor(private readonly services: Services) {
    services.context.subscriptions.push(
      this.emitter,
      services.index.onDidChange(() => this.checkAskedEarly()),
    );
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    if (!this.services.corpus.isCorpusDocument(doc)) return undefined;
    const { index } = this.services;
    const docId = doc.uri.toString();
    if (!index.hasDocument(docId)) {
      this.askedEarly.add(docId);
      return [];
    }
    const all = index.mentionsIn(docId);
    const withMentions = all.length <= MAX_MENTION_SYMBOLS;
    const symbols: vscode.DocumentSymbol[] = [];
    let next = 0;
    for (const range of paragraphs(doc)) {
      const end = doc.offsetAt(range.end);
      const mentions: IndexedMention[] = [];
      while (next < all.length && all[next].start < end) mentions.push(all[next++]);
      const firstLine = new vscode.Range(range.start, doc.lineAt(range.start.line).range.end);
      const paragraph = new vscode.DocumentSymbol(
        paragraphName(doc.getText(range)),
        plural(mentions.length, 'mention'),
        PARAGRAPH_KIND,
        range,
        firstLine,
      );
      if (withMentions) {
        paragraph.children = mentions.map(m => {
          const at = mentionRange(m, doc);
          const name = index.entity(m.entityId)?.name;
          const detail = name && label(name) !== label(m.text) ? `${m.type} · ${label(name)}` : m.type;
          return new vscode.DocumentSymbol(label(m.text), detail, SYMBOL_KINDS[m.type], at, at);
        });
      }
      symbols.push(paragraph);
    }
    return symbols;
  }

  private checkAskedEarly(): void {
    if (!this.askedEarly.size) return;
    const indexed = [...this.askedEarly].filter(id => this.services.index.hasDocument(id));
    if (!indexed.length) return;
    for (const id of indexed) this.askedEarly.delete(id);
    this.emitter.fire();
  }
}

/** The document's paragraphs: runs of non-blank lines, from their first to their last character. */
function paragraphs(doc: vscode.TextDocument): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  let first: vscode.TextLine | undefined;
  let last: vscode.TextLine | undefined;
  for (let i = 0; i <= doc.lineCount; i++) {
    const line = i < doc.lineCount ? doc.lineAt(i) : undefined;
    if (line && !line.isEmptyOrWhitespace) {
      first ??= line;
      last = line;
      continue;
    }
    if (first && last) {
      ranges.push(new vscode.Range(first.lineNumber, first.firstNonWhitespaceCharacterIndex, last.lineNumber, last.range.end.character));
    }
    first = last = undefined;
  }
  return ranges;
}

/** A paragraph's first words, cut at a word and marked with an ellipsis when longer. */
function paragraphName(text: string): string {
  const flat = label(text);
  if (flat.length <= PARAGRAPH_NAME_LENGTH) return flat;
  const cut = flat.slice(0, PARAGRAPH_NAME_LENGTH);
  const word = cut.lastIndexOf(' ');
  return `${word > PARAGRAPH_NAME_LENGTH / 2 ? cut.slice(0, word) : cut}…`;
}

/** Symbol names must not be empty, and read best on one line. */
function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim() || '(blank)';
}
