// The status-bar item of the decorations: on or off (a click toggles them), and how many of the
// active editor's mentions are decorated when the per-editor cap applies.

import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { Services } from '../services';
import type { EntityDecorations } from './decorations';

export class DecorationStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('corpusLens.decorations', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly decorations: EntityDecorations,
  ) {
    this.item.name = 'Corpus Lens: Entity Decorations';
    this.item.command = COMMANDS.toggleDecorations;
    this.disposables.push(
      this.item,
      decorations.onDidUpdate(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      services.settings.onDidChange(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.services.corpus.isCorpusDocument(editor.document)) {
      this.item.hide();
      return;
    }
    const { decorationsEnabled, maxDecorationsPerEditor } = this.services.settings.value;
    const { total, shown } = this.decorations.stateOf(editor);
    const fmt = (n: number) => n.toLocaleString('en-US');
    if (!decorationsEnabled) {
      this.item.text = '$(eye-closed) Entities: off';
      this.item.tooltip = 'Corpus Lens: entity decorations are off. Click to turn them on.';
    } else if (shown < total) {
      this.item.text = `$(warning) Entities: ${fmt(shown)} of ${fmt(total)}`;
      this.item.tooltip =
        `Corpus Lens: decorating the first ${fmt(shown)} of ${fmt(total)} mentions in this editor ` +
        `(cap: corpusLens.decorations.maxPerEditor = ${fmt(maxDecorationsPerEditor)}). Click to turn decorations off.`;
    } else {
      this.item.text = '$(eye) Entities: on';
      this.item.tooltip = `Corpus Lens: ${fmt(shown)} mentions decorated in this editor. Click to turn decorations off.`;
    }
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([\w-]+\)\s*/, ''), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
