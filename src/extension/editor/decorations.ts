// Inline decorations of entity mentions, by type, in every visible editor of a corpus document.
//
// One TextEditorDecorationType per entity type, created once and recreated only when the style
// setting changes. Editors are redecorated when the index changes one of their documents, when
// editors become visible, and when a decoration setting changes. Mentions come from the index
// only; while the index still holds an older version of unsaved text, mentions whose text no
// longer stands at their offsets are left out until the re-analysis lands. Over the cap
// (corpusLens.decorations.maxPerEditor), the mentions around the visible part of the document
// are decorated, and they follow the editor as it scrolls: a long document is decorated where
// it is read, at a bounded cost.

import * as vscode from 'vscode';
import type { CorpusChange, IndexedMention } from '../../core/index/corpusIndex';
import { ENTITY_TYPES, EntityType } from '../../core/types';
import type { Services } from '../services';
import type { DecorationStyle, Settings } from '../settings';
import { colorId } from './entityColors';

/** What one editor shows. */
export interface EditorDecorationState {
  /** Ranges set per type (types with none are absent). */
  ranges: ReadonlyMap<EntityType, readonly vscode.Range[]>;
  /** Mentions of the decorated types in the document. */
  total: number;
  /** Mentions decorated: `total`, or the cap (`corpusLens.decorations.maxPerEditor`). */
  shown: number;
}

const EMPTY_STATE: EditorDecorationState = { ranges: new Map(), total: 0, shown: 0 };
/** Scrolling settles for this long before a capped editor is redecorated. */
const SCROLL_DEBOUNCE_MS = 100;

export function decorationOptions(type: EntityType, style: DecorationStyle): vscode.DecorationRenderOptions {
  const rangeBehavior = vscode.DecorationRangeBehavior.ClosedClosed;
  switch (style) {
    case 'underline':
      return {
        rangeBehavior,
        borderStyle: 'none none solid none',
        borderWidth: '0 0 2px 0',
        borderColor: new vscode.ThemeColor(colorId(type, 'foreground')),
      };
    case 'text':
      return { rangeBehavior, color: new vscode.ThemeColor(colorId(type, 'foreground')), fontWeight: '600' };
    default:
      return { rangeBehavior, backgroundColor: new vscode.ThemeColor(colorId(type, 'background')), borderRadius: '2px' };
  }
}

export class EntityDecorations implements vscode.Disposable {
  private types = new Map<EntityType, vscode.TextEditorDecorationType>();
  private style: DecorationStyle;
  private settings: Settings;
  private readonly states = new Map<vscode.TextEditor, EditorDecorationState>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after editors were redecorated (the status bar follows it). */
  readonly onDidUpdate = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private scrollTimer: NodeJS.Timeout | undefined;

  constructor(private readonly services: Services) {
    this.settings = services.settings.value;
    this.style = this.settings.decorationStyle;
    this.createTypes();
    this.disposables.push(
      this.emitter,
      services.index.onDidChange(e => this.onIndexChange(e)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => this.onScroll(e.textEditor)),
      services.settings.onDidChange(s => this.onSettings(s)),
    );
    this.refreshVisible();
  }

  /** What an editor shows now (empty for editors that show nothing). */
  stateOf(editor: vscode.TextEditor): EditorDecorationState {
    return this.states.get(editor) ?? EMPTY_STATE;
  }

  /** Redecorates every visible editor. */
  refreshVisible(): void {
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of [...this.states.keys()]) if (!visible.has(editor)) this.states.delete(editor);
    for (const editor of visible) this.refresh(editor);
    this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
    this.states.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private createTypes(): void {
    for (const type of this.types.values()) type.dispose(); // removes their decorations everywhere
    this.states.clear();
    this.types = new Map(
      ENTITY_TYPES.map(type => [type, vscode.window.createTextEditorDecorationType(decorationOptions(type, this.style))]),
    );
  }

  private onIndexChange(change: CorpusChange): void {
    const changed = new Set(change.documents);
    const affected = vscode.window.visibleTextEditors.filter(editor => changed.has(editor.document.uri.toString()));
    if (affected.length === 0) return;
    for (const editor of affected) this.refresh(editor);
    this.emitter.fire();
  }

  /** Only a capped editor shows other mentions after a scroll. */
  private onScroll(editor: vscode.TextEditor): void {
    const state = this.states.get(editor);
    if (!state || state.shown === state.total) return;
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      this.refresh(editor);
      this.emitter.fire();
    }, SCROLL_DEBOUNCE_MS);
  }

  private onSettings(next: Settings): void {
    const previous = this.settings;
    this.settings = next;
    if (next.decorationStyle !== this.style) {
      this.style = next.decorationStyle;
      this.createTypes();
    } else if (
      previous.decorationsEnabled === next.decorationsEnabled &&
      previous.maxDecorationsPerEditor === next.maxDecorationsPerEditor &&
      previous.include === next.include &&
      sameSet(previous.decoratedTypes, next.decoratedTypes)
    ) {
      return;
    }
    this.refreshVisible();
  }

  private refresh(editor: vscode.TextEditor): void {
    const { decorationsEnabled, decoratedTypes, maxDecorationsPerEditor } = this.settings;
    const doc = editor.document;
    const ranges = new Map<EntityType, vscode.Range[]>();
    let total = 0;
    let shown = 0;
    if (decorationsEnabled && decoratedTypes.size > 0 && this.services.corpus.isCorpusDocument(doc)) {
      const { index } = this.services;
      const id = doc.uri.toString();
      const cap = maxDecorationsPerEditor > 0 ? maxDecorationsPerEditor : Infinity;
      const text = doc.getText();
      const usable = (list: readonly IndexedMention[]) =>
        list.filter(m => decoratedTypes.has(m.type) && text.slice(m.start, m.end) === m.text); // the index may lag behind the text
      total = index.countMentions(id, decoratedTypes);
      let mentions: IndexedMention[];
      if (total <= cap) {
        mentions = usable(index.mentionsIn(id));
      } else {
        // Only a stretch of text that holds about three times the cap on average, around the visible lines, is looked at.
        const visible = doc.offsetAt(editor.visibleRanges[0]?.start ?? new vscode.Position(0, 0));
        const reach = Math.ceil((text.length * cap) / total);
        const start = Math.max(0, Math.min(visible - reach, text.length - 3 * reach));
        mentions = usable(index.mentionsIn(id, { start, end: start + 3 * reach }));
        if (mentions.length < cap) mentions = usable(index.mentionsIn(id)); // mentions are denser elsewhere
        const from = windowStart(mentions, visible, cap);
        mentions = mentions.slice(from, from + cap);
      }
      for (const mention of mentions) {
        shown++;
        const range = new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end));
        const list = ranges.get(mention.type);
        if (list) list.push(range);
        else ranges.set(mention.type, [range]);
      }
    }
    const previous = this.states.get(editor) ?? EMPTY_STATE;
    for (const [type, decorationType] of this.types) {
      const list = ranges.get(type);
      if (list) editor.setDecorations(decorationType, list);
      else if (previous.ranges.has(type)) editor.setDecorations(decorationType, []);
    }
    this.states.set(editor, { ranges, total, shown });
  }
}

/** Where a window of `cap` mentions starts so that it covers `offset` with a quarter of it before. */
function windowStart(mentions: readonly { start: number }[], offset: number, cap: number): number {
  let first = mentions.findIndex(m => m.start >= offset);
  if (first < 0) first = mentions.length;
  return Math.max(0, Math.min(first - Math.floor(cap / 4), mentions.length - cap));
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every(x => b.has(x));
}
