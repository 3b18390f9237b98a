// The Entity Explorer panel's host side: one WebviewPanel fed from the corpus index. It sends all
// entity records (compact tuples) on each index change and the webview searches and sorts them
// locally, so typing and scrolling need no round trip; mentions go only for the selected entity.
// Every message from the webview is checked for shape (src/shared/panelMessages.ts) and here for
// meaning (a known document, one of its mentions); refusals are logged.

import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export/export';
import { ENTITY_TYPES } from '../../core/types';
import { sortMentions } from '../../core/analytics/concordance';
import { ConcordanceSort, PANEL_DEFAULT_WIDTH } from '../../shared/analyticsOptions';
import { DateRange } from '../../shared/dateRange';
import {
  ALL_DATES,
  ConcordanceGroup,
  EXPLORER_VIEW_TYPE,
  HostToWebview,
  MAX_CONCORDANCE_LINES,
  parseWebviewMessage,
} from '../../shared/panelMessages';
import { openMention } from '../commands/navigation';
import { relativePath } from '../paths';
import type { Services } from '../services';
import { runExport } from '../curation/exportFile';
import { MentionScope, collocatesMessage, dispersionMessage, entitiesMessage, scopedMentions, timelineMessage } from './explorerAnalytics';
import { explorerHtml, explorerWebviewOptions } from './explorerHtml';
import { NetworkAnswers, sharedSentencesMessage } from './explorerNetwork';
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

  constructor(private readonly services: Services) {
    this.network = new NetworkAnswers(services.index);
    this.subscriptions.push(
      this.network,
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
        this.sendEntities();
        if (this.pendingSelect) this.select(this.pendingSelect);
        return true;
      case 'showMentions':
        this.shown = {
          entityId: msg.entityId,
          sort: msg.sort ?? 'doc',
          width: msg.width ?? PANEL_DEFAULT_WIDTH,
          ...(msg.within && { within: msg.within }),
          ...(msg.naming && { naming: msg.naming }),
        };
        this.sendMentions(this.shown);
        return true;
      case 'timeline':
        this.post(timelineMessage(this.services.index, msg, this.range));
        return true;
      case 'dateRange':
        this.range = msg.range ?? undefined;
        this.sendEntities();
        if (this.shown) this.sendMentions(this.shown);
        return true;
      case 'saveImage':
        return (await saveImage(this.services, msg.what, msg.base64, target)) !== undefined;
      case 'dispersion':
        this.post(dispersionMessage(this.services.index, msg, docId => relativePath(docId), this.range));
        return true;
      case 'collocates':
        this.post(collocatesMessage(this.services.index, msg, this.range));
        return true;
      case 'network':
        this.post(this.network.networkMessage(msg, this.range));
        return true;
      case 'sharedSentences': {
        const unknown = [msg.a, msg.b].find(id => !this.services.index.entity(id));
        if (unknown !== undefined) return this.refuse(`sharedSentences: ${truncate(unknown)} is not an entity`);
        this.post(sharedSentencesMessage(this.services.index, msg, docId => relativePath(docId), this.range));
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
      this.sendEntities();
      if (this.shown) this.sendMentions(this.shown);
    }, UPDATE_DEBOUNCE_MS);
  }

  private sendEntities(): void {
    this.post(entitiesMessage(this.services.index, this.services.corpus.currentProgress !== undefined, this.range));
  }

  /**
   * The concordance in the requested order (sorted, a group is a run of lines from one document),
   * cut to the date filter and to the scope asked for; the counts are those of the lines.
   */
  private sendMentions(request: ConcordanceRequest): void {
    const { entityId, sort, width, within, naming } = request;
    const { index } = this.services;
    const known = entityId === ALL_DATES ? naming !== undefined : index.entity(entityId) !== undefined;
    const mentions = known ? scopedMentions(index, request, this.range) : [];
    const record = index.entity(entityId);
    const entity = known
      ? {
          name: record?.name ?? `Dates naming ${naming}`,
          type: record?.type ?? 'DATE',
          mentions: mentions.length,
          documents: new Set(mentions.map(m => m.docId)).size,
        }
      : undefined;
    const groups: ConcordanceGroup[] = [];
    if (entity) {
      for (const m of sortMentions(index, mentions, sort).slice(0, MAX_CONCORDANCE_LINES)) {
        let group = groups[groups.length - 1];
        if (!group || group.docId !== m.docId) {
          group = { docId: m.docId, label: relativePath(m.docId), lines: [] };
          groups.push(group);
        }
        const context = index.context(m.docId, m.start, m.end, width) ?? { left: '', text: m.text, right: '' };
        group.lines.push({ start: m.start, end: m.end, line: m.line, character: m.character, ...context });
      }
    }
    this.post({
      type: 'mentions',
      entityId,
      sort,
      width,
      entity,
      groups,
      ...(within && { within }),
      ...(naming && { naming }),
      ...(this.range && { range: this.range }),
    });
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

interface ConcordanceRequest extends MentionScope {
  sort: ConcordanceSort;
  width: number;
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
