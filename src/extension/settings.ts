// Every `corpusLens.*` setting is read and written here, and nowhere else.
import * as vscode from 'vscode';
import { ENTITY_TYPES, EntityType, RECOGNIZERS, Recognizer } from '../core/types';
import { isRestricted } from './trust';

export type DecorationStyle = 'background' | 'underline' | 'text';
export type GroupBy = 'type' | 'document';
export type SortBy = 'count' | 'name';

export interface TreeSettings {
  groupBy: GroupBy;
  sortBy: SortBy;
  followCursor: boolean;
}

export interface Settings {
  include: string;
  maxFileSizeMB: number;
  recognizer: Recognizer;
  decorationsEnabled: boolean;
  decoratedTypes: ReadonlySet<EntityType>;
  /** Types the Entities view and the Entity Explorer list until the user shows others. */
  listTypes: ReadonlySet<EntityType>;
  decorationStyle: DecorationStyle;
  maxDecorationsPerEditor: number;
  tree: Readonly<TreeSettings>;
}

const SECTION = 'corpusLens';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/**
 * The settings that widen what is read (package.json's restrictedConfigurations). VS Code drops
 * their workspace values in Restricted Mode itself; reading them through inspect() makes sure.
 */
const RESTRICTED = new Set(['include', 'maxFileSizeMB']);

function get<T>(c: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  if (!RESTRICTED.has(key) || !isRestricted()) return c.get<T>(key, fallback);
  const values = c.inspect<T>(key);
  return values?.globalValue ?? values?.defaultValue ?? fallback;
}

/** Where a setting the commands change goes: the workspace when `inWorkspace`, but never in Restricted Mode. */
function target(inWorkspace: boolean): vscode.ConfigurationTarget {
  return inWorkspace && !isRestricted() ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

function read(): Settings {
  const c = config();
  const types = (key: string) => c.get<string[]>(key, []).filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  return {
    include: get(c, 'include', 'seeds/**/*.{txt,md}'),
    maxFileSizeMB: Math.max(0, get(c, 'maxFileSizeMB', 5)),
    recognizer: RECOGNIZERS.find(r => r === c.get<string>('recognizer')) ?? 'learned',
    decorationsEnabled: c.get<boolean>('decorations.enabled', true),
    decoratedTypes: new Set(types('decorations.types')),
    listTypes: new Set(types('listTypes')),
    decorationStyle: c.get<DecorationStyle>('decorations.style', 'background'),
    maxDecorationsPerEditor: Math.max(0, c.get<number>('decorations.maxPerEditor', 1000)),
    tree: {
      groupBy: c.get<string>('tree.groupBy') === 'document' ? 'document' : 'type',
      sortBy: c.get<string>('tree.sortBy') === 'name' ? 'name' : 'count',
      followCursor: c.get<boolean>('tree.followCursor', false),
    },
  };
}

/** The `corpusLens.*` settings, read once and refreshed when they change, and the writes the commands make. */
export class SettingsStore implements vscode.Disposable {
  private current = read();
  private readonly emitter = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions = [
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(SECTION)) this.refresh();
    }),
    // Trusted now: the workspace's values of the restricted settings apply, without a reload.
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
  ];

  private refresh(): void {
    this.current = read();
    this.emitter.fire(this.current);
  }

  get value(): Settings {
    return this.current;
  }

  /** A decoration setting, where it survives a reload: the workspace when one is open, else the user settings. */
  async setDecorations(key: 'enabled' | 'types', value: boolean | EntityType[]): Promise<void> {
    await config().update(`decorations.${key}`, value, target(!!vscode.workspace.workspaceFolders?.length));
  }

  /** A tree setting, where it is in effect: the workspace when set there, else the user settings. */
  async setTree<K extends 'groupBy' | 'sortBy'>(key: K, value: TreeSettings[K]): Promise<void> {
    const c = config();
    await c.update(`tree.${key}`, value, target(c.inspect(`tree.${key}`)?.workspaceValue !== undefined));
  }

  /** The workspace's own value of `corpusLens.include`, if it has one. */
  get workspaceInclude(): string | undefined {
    return config().inspect<string>('include')?.workspaceValue;
  }

  async setWorkspaceInclude(glob: string): Promise<void> {
    await config().update('include', glob, vscode.ConfigurationTarget.Workspace);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions, this.emitter).dispose();
  }
}
