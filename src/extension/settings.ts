import * as vscode from 'vscode';
import { ENTITY_TYPES, EntityType } from '../core/types';

export type DecorationStyle = 'background' | 'underline' | 'text';

export interface Settings {
  include: string;
  maxFileSizeMB: number;
  decorationsEnabled: boolean;
  decoratedTypes: ReadonlySet<EntityType>;
  decorationStyle: DecorationStyle;
  maxDecorationsPerEditor: number;
}

function read(): Settings {
  const c = vscode.workspace.getConfiguration('corpusLens');
  const types = c.get<string[]>('decorations.types', []).filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  return {
    include: c.get<string>('include', 'seeds/**/*.{txt,md}'),
    maxFileSizeMB: Math.max(0, c.get<number>('maxFileSizeMB', 5)),
    decorationsEnabled: c.get<boolean>('decorations.enabled', true),
    decoratedTypes: new Set(types),
    decorationStyle: c.get<DecorationStyle>('decorations.style', 'background'),
    maxDecorationsPerEditor: Math.max(0, c.get<number>('decorations.maxPerEditor', 1000)),
  };
}

/** The `corpusLens.*` settings, read once and refreshed when they change. */
export class SettingsStore implements vscode.Disposable {
  private current = read();
  private readonly emitter = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration(e => {
    if (!e.affectsConfiguration('corpusLens')) return;
    this.current = read();
    this.emitter.fire(this.current);
  });

  get value(): Settings {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
