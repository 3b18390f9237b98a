// The Entity Explorer panel's host side: one WebviewPanel fed from the corpus index. It sends all
// entity records (compact tuples) on each index change and the webview searches and sorts them
// locally, so typing and scrolling need no round trip; mentions go only for the selected entity.
// Every message from the webview is checked for shape (src/shared/panelMessages.ts) and here for
// meaning (a known document, one of its mentions); refusals are logged.

import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export/export';
import { ENTITY_TYPES } from '../../core/types';
import { PANEL_DEFAULT_WIDTH } from '../../shared/analyticsOptions';
import { DateRange } from '../../shared/dateRange';
import { EXPLORER_VIEW_TYPE, HostToWebview, parseWebviewMessage } from '../../shared/panelMessages';
import { openMention } from '../commands/navigation';
import { corpusWordsSteps } from '../../core/analytics/corpusWords';
import type { Steps } from '../../core/analytics/steps';
import { relativePath } from '../paths';
import type { Services } from '../services';
import { runExport } from '../curation/exportFile';
import {
  ConcordanceRequest,
  collocatesAnswer,
  dispersionAnswer,
  entitiesAnswer,
  mentionsAnswer,
  timelineAnswer,
} from './explorerAnalytics';
import { explorerHtml, explorerWebviewOptions } from './explorerHtml';
import { NetworkAnswers, sharedSentencesAnswer } from './explorerNetwork';
import { SlicedAnswers } from './slicedAnswers';
import { saveCollocates, saveConcordance, saveDispersion, saveImage } from './saveChart';

const UPDATE_DEBOUNCE_MS = 150;

export class ExplorerPanel implements vscode.Disposable {
  private current: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  /** The webview has said 'ready' since its page was last (re)loaded. */
  private ready = false;
  private pendingSelect: string | undefined;
  /** The concordance the webview shows (re-sent when the index changes). */
  private shown: ConcordanceRequest | undefined;
  private updateTimer: NodeJS.Timeout | undefined;
  /** The webview's date filter (it sends it after 'ready' when one is set). */
  private range: DateRange | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly network: NetworkAnswers;
  private readonly answers: SlicedAnswers;

  constructor(private readonly services: Services) {
    this.network = new NetworkAnswers(services.index);
    this.answers = new SlicedAnswers(services.index);
    this.subscriptions.push(
      this.network,
      this.answers,
      services.index.onDidChange(() => this.scheduleUpdate()),
      services.corpus.onDidChangeProgress(progress => {
        if (!progress) this.scheduleUpdate(); // the "indexing" flag flips off
      }),
    );
  }

  /** The panel, while one is open. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.current;
  }

  /** Opens the panel, or reveals it; selects `entityId` when given. */
  open(entityId?: string): vscode.WebviewPanel {
    if (this.current) {
      this.current.reveal(undefined, false);
    } else {
      // Beside the active editor, so that the mentions it opens do not cover it.
      const panel = vscode.window.createWebviewPanel(EXPLORER_VIEW_TYPE, 'Entity Explorer', vscode.ViewColumn.Beside, {
        ...explorerWebviewOptions(this.services.context.extensionUri),
        retainContextWhenHidden: false,
      });
      this.adopt(panel);
    }
    if (entityId) this.select(entityId);
    return this.current!;
  }

  /** Takes over a panel VS Code restored after a reload (its state lives in the webview's getState). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.current) {
      // Only one explorer: a second restored panel (two windows' worth of state) is closed.
      panel.dispose();
      return;
    }
    this.adopt(panel);
  }

  /**
   * Handles one message from the webview. Resolves to true when it was accepted, false when it
   * was refused (and logged). Exposed for the in-host tests, which pass `target` for an export
   * (the file to write instead of asking with a save dialog).
   */
  async handleMessage(message: unknown, target?: vscode.Uri): Promise<boolean> {
    const parsed = parseWebviewMessage(message);
    if (!parsed.ok) return this.refuse(parsed.reason);
    const msg = parsed.value;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.range = undefined;
        await this.sendEntities();
        if (this.pendingSelect) this.select(this.pendingSelect);
        this.countWords();
        return true;
      case 'showMentions':
        this.shown = {
          entityId: msg.entityId,
          sort: msg.sort ?? 'doc',
          width: msg.width ?? PANEL_DEFAULT_WIDTH,
          ...(msg.within && { within: msg.within }),
          ...(msg.naming && { naming: msg.naming }),
          ...(msg.near && { near: msg.near }),
        };
        await this.sendMentions(this.shown);
        return true;
      case 'timeline':
        await this.answer('chart', () => timelineAnswer(this.services.index, msg, this.range));
        return true;
      case 'dateRange':
        this.range = msg.range ?? undefined;
        await Promise.all([this.sendEntities(), this.shown && this.sendMentions(this.shown)]);
        return true;
      case 'saveImage':
        return (await saveImage(this.services, msg.what, msg.base64, target)) !== undefined;
      case 'dispersion':
        await this.answer('chart', () => dispersionAnswer(this.services.index, msg, docId => relativePath(docId), this.range));
        return true;
      case 'collocates':
        await this.answer('chart', () => collocatesAnswer(this.services.index, msg, this.range));
        return true;
      case 'network':
        await this.answer('chart', () => this.network.networkAnswer(msg, this.range));
        return true;
      case 'sharedSentences': {
        const unknown = [msg.a, msg.b].find(id => !this.services.index.entity(id));
        if (unknown !== undefined) return this.refuse(`sharedSentences: ${truncate(unknown)} is not an entity`);
        await this.answer('sentences', () => sharedSentencesAnswer(this.services.index, msg, docId => relativePath(docId), this.range));
        return true;
      }
      case 'exportConcordance':
      case 'saveCollocates':
      case 'saveDispersion': {
        const entity = this.services.index.entity(msg.entityId);
        if (!entity) return this.refuse(`${msg.type}: ${truncate(msg.entityId)} is not an entity`);
        const saved =
          msg.type === 'exportConcordance'
            ? await saveConcordance(this.services, entity, msg, this.range, target)
            : msg.type === 'saveCollocates'
              ? await saveCollocates(this.services, entity, msg, this.range, target)
              : await saveDispersion(this.services, entity, this.range, target);
        return saved !== undefined;
      }
      case 'openMention': {
        const { index } = this.services;
        if (!index.hasDocument(msg.docId)) return this.refuse(`openMention: ${truncate(msg.docId)} is not a corpus document`);
        const mention = index.mentionAt(msg.docId, msg.start);
        if (!mention || mention.start !== msg.start || mention.end !== msg.end) {
          return this.refuse(`openMention: ${msg.start}-${msg.end} is not a mention in ${truncate(msg.docId)}`);
        }
        await this.focusEditorGroup();
        try {
          await openMention(msg.docId, msg.start, msg.end);
        } catch (error) {
          this.services.log.error(`Entity Explorer: could not open the mention: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        }
        return true;
      }
      case 'export': {
        // The panel's filter: the types it shows (known ones only) and its search; a save dialog
        // unless `target` is given (the tests).
        const types = ENTITY_TYPES.filter(t => msg.filter.types.includes(t));
        const filter = { types, search: msg.filter.search, range: this.range };
        const choice = { what: msg.what, format: msg.format as ExportFormat }; // checked against the core's EXPORTS when written
        return (await runExport(this.services, target, choice, filter)) !== undefined;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.updateTimer);
    this.current?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.current = panel;
    this.ready = false;
    const { extensionUri } = this.services.context;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'corpus-lens.svg');
    panel.webview.options = explorerWebviewOptions(extensionUri);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage(message => void this.handleMessage(message)),
      panel.onDidChangeViewState(() => {
        // Hidden, the webview's page is destroyed (retainContextWhenHidden: false); shown again,
        // it reloads and says 'ready', and gets everything anew.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        vscode.Disposable.from(...this.panelDisposables).dispose();
        this.panelDisposables = [];
        if (this.current === panel) {
          this.current = undefined;
          this.ready = false;
          this.shown = undefined;
          this.answers.drop('words'); // no one to count for
        }
      }),
    ];
    const { listTypes } = this.services.settings.value;
    panel.webview.html = explorerHtml(
      panel.webview,
      extensionUri,
      ENTITY_TYPES.filter(t => !listTypes.has(t)),
    );
  }

  private select(entityId: string): void {
    if (this.ready) {
      this.pendingSelect = undefined;
      this.post({ type: 'select', entityId });
    } else {
      this.pendingSelect = entityId;
    }
  }

  private scheduleUpdate(): void {
    if (!this.current) return;
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      if (!this.ready) return; // sent on 'ready'
      void this.sendEntities();
      if (this.shown) void this.sendMentions(this.shown);
      this.countWords();
    }, UPDATE_DEBOUNCE_MS);
  }

  private sendEntities(): Promise<void> {
    const indexing = this.services.corpus.currentProgress !== undefined;
    return this.answer('entities', () => entitiesAnswer(this.services.index, indexing, this.range));
  }

  private sendMentions(request: ConcordanceRequest): Promise<void> {
    return this.answer('mentions', () => mentionsAnswer(this.services.index, request, this.range, docId => relativePath(docId)));
  }

  /**
   * Brings the corpus's word counts up to date in the background while the panel is open, so
   * that a Collocates request finds them: counting 10,000 documents takes about a second, done
   * here a few documents at a time as indexing merges them (only new or changed documents are
   * counted, see corpusWords).
   */
  private countWords(): void {
    void this.answers.answer('words', () => corpusWordsSteps(this.services.index));
  }

  /**
   * Posts the answer computed in time slices, unless a newer request of its kind (the webview's
   * charts share one request counter: 'chart') overtook it meanwhile.
   */
  private async answer(kind: string, steps: () => Steps<HostToWebview>): Promise<void> {
    const message = await this.answers.answer(kind, steps);
    if (message) this.post(message);
  }

  private post(message: HostToWebview): void {
    if (!this.current || !this.ready) return;
    void this.current.webview.postMessage(message);
  }

  private refuse(reason: string): false {
    this.services.log.warn(`Entity Explorer: refused a message from the webview: ${reason}`);
    return false;
  }

  /**
   * When the panel's editor group is the active one, makes another group active first (a new one
   * to the right when there is none), so that the mention opens beside the panel instead of
   * covering it.
   */
  private async focusEditorGroup(): Promise<void> {
    const panel = this.current;
    if (!panel?.visible || panel.viewColumn === undefined) return;
    const groups = vscode.window.tabGroups;
    if (groups.activeTabGroup.viewColumn !== panel.viewColumn) return;
    const other = groups.all.find(g => g.viewColumn !== panel.viewColumn);
    if (!other) {
      await vscode.commands.executeCommand('workbench.action.newGroupRight');
    } else if (other.viewColumn >= 1 && other.viewColumn <= FOCUS_GROUP_COMMANDS.length) {
      await vscode.commands.executeCommand(`workbench.action.focus${FOCUS_GROUP_COMMANDS[other.viewColumn - 1]}EditorGroup`);
    }
  }
}

const FOCUS_GROUP_COMMANDS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function registerExplorerPanel(services: Services): ExplorerPanel {
  const explorer = new ExplorerPanel(services);
  services.context.subscriptions.push(
    explorer,
    vscode.window.registerWebviewPanelSerializer(EXPLORER_VIEW_TYPE, {
      deserializeWebviewPanel: async panel => explorer.restore(panel),
    }),
  );
  return explorer;
}
