// Curation commands: each one adds a correction to (or undoes one of)
// `.corpus-lens/corrections.json` through the CorrectionsStore; the corpus service re-applies the
// corrections and every view follows through the index's change events. Notifications name
// entities as the user sees them, and their Undo undoes the correction they name.
//
// Arguments (from the tree's context menu, the hover's links and the tests) come first; what is
// missing is taken from the editor (the entity under the cursor, the selection) or asked for.
// Each command resolves to true when a correction was written.

import * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/corpusIndex';
import { Correction, addCorrection, parseCorrections, serializeCorrections, undoLastCorrection } from '../../core/corrections/corrections';
import type { ExportFilter, ExportFormat, ExportWhat } from '../../core/export/export';
import { ENTITY_TYPES, EntityType, NAMED_TYPES, NamedType } from '../../core/types';
import { TYPE_DESCRIPTIONS } from '../editor/entityColors';
import { plural } from '../../shared/plural';
import { correctionText, entityName } from '../curation/correctionText';
import { runExport } from '../curation/exportFile';
import type { Services } from '../services';
import { entityIdOf, mentionAtCursor } from './entityArgs';
import { COMMANDS } from './ids';

/** True while the corrections hold one to undo. */
const CAN_UNDO_CONTEXT = 'corpusLens.canUndo';

function isNamedType(value: unknown): value is NamedType {
  return typeof value === 'string' && (NAMED_TYPES as readonly string[]).includes(value);
}

export function registerCuration(services: Services) {
  const { index, corrections: store, context } = services;

  /** The entity an argument names, else the one under the cursor; tells the user when there is none. */
  const entityFor = (arg: unknown): EntityRecord | undefined => {
    const named = entityIdOf(arg);
    const id = named || mentionAtCursor(services)?.entityId;
    const entity = id ? index.entity(id) : undefined;
    if (!entity) {
      void vscode.window.showInformationMessage(
        named
          ? `Corpus Lens: no entity ${named} in the corpus.`
          : 'Corpus Lens: put the cursor on a name, or pick an entity in the Entities view.',
      );
    }
    return entity;
  };

  /** Notification texts of the corrections made in this session, with the names as they were then. */
  const texts = new Map<string, string>();
  const textOf = (c: Correction) => texts.get(signature(c)) ?? correctionText(c, key => entityName(index, key));

  /** Writes `correction`; offers to undo exactly it. */
  const apply = async (correction: Correction, names: Record<string, string> = {}): Promise<boolean> => {
    const written = await store.update(current => addCorrection(current, correction));
    if (!written) return false;
    const text = correctionText(correction, key => names[key] ?? entityName(index, key));
    texts.set(signature(correction), text);
    services.log.info(`correction: ${text}`);
    void vscode.window.showInformationMessage(`Corpus Lens: ${text}.`, 'Undo').then(choice => {
      if (choice === 'Undo') void undo(correction);
    });
    return true;
  };

  /** Undoes `wanted` (its latest instance) while it is applied, else the last correction. */
  const undo = async (wanted?: Correction): Promise<boolean> => {
    let undone: Correction | undefined;
    const written = await store.update(current => {
      const list = current.corrections;
      if (!wanted) {
        undone = list[list.length - 1];
        return undone ? undoLastCorrection(current) : undefined;
      }
      const at = list.map(signature).lastIndexOf(signature(wanted));
      undone = list[at];
      return undone ? { ...current, corrections: list.filter((_, i) => i !== at) } : undefined;
    });
    if (!written || !undone) {
      if (!undone && !store.error) {
        // A stale Undo (its correction undone meanwhile) says so and changes nothing.
        void vscode.window.showInformationMessage(
          wanted ? `Corpus Lens: already undone: ${textOf(wanted)}.` : 'Corpus Lens: no correction to undo.',
        );
      }
      return false;
    }
    const text = `Undo: ${textOf(undone)}`;
    services.log.info(text);
    void vscode.window.showInformationMessage(`Corpus Lens: ${text}.`);
    return true;
  };

  const pickType = async (title: string, except?: EntityType): Promise<NamedType | undefined> => {
    const picked = await vscode.window.showQuickPick(
      NAMED_TYPES.filter(t => t !== except).map(t => ({ label: t, description: TYPE_DESCRIPTIONS[t], type: t })),
      { title, placeHolder: 'Entity type' },
    );
    return picked?.type;
  };

  const changeEntityType = async (arg?: unknown, type?: unknown): Promise<boolean> => {
    if (await blocked()) return false;
    const entity = entityFor(arg);
    if (!entity) return false;
    const target = isNamedType(type) ? type : await pickType(`Change the type of ${entity.name} (${entity.type})`, entity.type);
    if (!target || target === entity.type) return false;
    return apply({ op: 'retype', entity: entity.id, type: target }, { [entity.id]: entity.name });
  };

  const notAnEntity = async (arg?: unknown): Promise<boolean> => {
    if (await blocked()) return false;
    let text: string | undefined;
    const id = entityIdOf(arg);
    if (id !== undefined) text = index.entity(id)?.name ?? (typeof arg === 'string' ? arg : undefined);
    else {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      if (selected) text = selected;
      else text = mentionAtCursor(services)?.text;
    }
    if (!text || !/[\p{L}\p{N}]/u.test(text)) {
      void vscode.window.showInformationMessage('Corpus Lens: select a text, or put the cursor on a name, to mark it as not an entity.');
      return false;
    }
    return apply({ op: 'notEntity', text: text.replace(/\s+/g, ' ').trim() });
  };

  const addEntity = async (textArg?: unknown, typeArg?: unknown): Promise<boolean> => {
    if (await blocked()) return false;
    let text = typeof textArg === 'string' ? textArg : undefined;
    if (text === undefined) {
      const editor = vscode.window.activeTextEditor;
      text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    }
    text = text?.replace(/\s+/g, ' ').trim();
    if (!text || !/[\p{L}\p{N}]/u.test(text)) {
      void vscode.window.showInformationMessage('Corpus Lens: select the text to mark as an entity.');
      return false;
    }
    const type = isNamedType(typeArg) ? typeArg : await pickType(`Mark every "${text}" in the corpus as`);
    if (!type) return false;
    return apply({ op: 'addEntity', text, type });
  };

  const mergeEntities = async (fromArg?: unknown, intoArg?: unknown): Promise<boolean> => {
    if (await blocked()) return false;
    const from = entityFor(fromArg);
    if (!from) return false;
    let into = typeof intoArg === 'string' ? index.entity(intoArg) : undefined;
    if (!into) {
      if (typeof intoArg === 'string') {
        void vscode.window.showInformationMessage(`Corpus Lens: no entity ${intoArg} in the corpus.`);
        return false;
      }
      const picked = await vscode.window.showQuickPick(
        index
          .entities({ types: [from.type] })
          .filter(e => e.id !== from.id)
          .map(e => ({
            label: e.name,
            description: plural(e.mentionCount, 'mention'),
            detail: e.aliases.length ? `Also: ${e.aliases.slice(0, 8).join(', ')}` : undefined,
            entity: e,
          })),
        {
          title: `Merge ${from.name} into…`,
          placeHolder: `${from.name} becomes another name of the entity you pick`,
          matchOnDetail: true,
        },
      );
      into = picked?.entity;
    }
    if (!into || into.id === from.id) return false;
    return apply({ op: 'merge', entity: from.id, into: into.id, name: into.name }, { [from.id]: from.name });
  };

  const splitAlias = async (arg?: unknown, aliasArg?: unknown): Promise<boolean> => {
    if (await blocked()) return false;
    const entity = entityFor(arg);
    if (!entity) return false;
    let alias = typeof aliasArg === 'string' ? aliasArg : undefined;
    if (alias === undefined) {
      if (entity.aliases.length === 0) {
        void vscode.window.showInformationMessage(`Corpus Lens: ${entity.name} has no other name to split off.`);
        return false;
      }
      const options = { title: `Split a name off ${entity.name}`, placeHolder: 'It becomes an entity of its own' };
      alias = (await vscode.window.showQuickPick(entity.aliases, options)) ?? undefined;
    }
    if (!alias || !/[\p{L}\p{N}]/u.test(alias)) return false;
    return apply({ op: 'split', entity: entity.id, alias }, { [entity.id]: entity.name });
  };

  /** While the file is invalid (checked again on disk), commands are refused before asking anything. */
  const blocked = async (): Promise<boolean> => {
    if (!store.error) return false;
    await store.reload();
    const e = store.error;
    if (!e) return false;
    const where = `line ${e.line}, column ${e.column}: ${e.message}`;
    const message = `Corpus Lens: .corpus-lens/corrections.json is invalid (${where}). Fix it first; it is left as it is.`;
    void vscode.window.showWarningMessage(message);
    return true;
  };

  const exportCommand = async (target?: unknown, what?: unknown, format?: unknown, filter?: unknown) => {
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target, true) : undefined;
    const choice =
      typeof what === 'string' && typeof format === 'string' ? { what: what as ExportWhat, format: format as ExportFormat } : undefined;
    return runExport(services, uri, choice, exportFilterOf(filter));
  };

  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(COMMANDS.changeEntityType, changeEntityType);
  register(COMMANDS.notAnEntity, notAnEntity);
  register(COMMANDS.addEntity, addEntity);
  register(COMMANDS.mergeEntities, mergeEntities);
  register(COMMANDS.splitAlias, splitAlias);
  // The argument, a correction, is what a notification's Undo passes (and the tests).
  register(COMMANDS.undoCorrection, (arg?: unknown) => undo(correctionOf(arg)));
  register(COMMANDS.export, exportCommand);

  // Menus offer Undo Last Correction only when there is one to undo.
  const updateCanUndo = () => void vscode.commands.executeCommand('setContext', CAN_UNDO_CONTEXT, store.corrections.corrections.length > 0);
  context.subscriptions.push(store.onDidChange(updateCanUndo));
  updateCanUndo();

  return { store };
}

/** The file's form of one correction: equal corrections have equal signatures. */
function signature(c: Correction): string {
  return serializeCorrections({ version: 1, corrections: [c] });
}

/** A valid correction from a command argument (the editor's context menu passes the document's URI instead). */
function correctionOf(value: unknown): Correction | undefined {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) return undefined;
  const parsed = parseCorrections(JSON.stringify({ version: 1, corrections: [value] }));
  return 'corrections' in parsed ? parsed.corrections.corrections[0] : undefined;
}

/** A filter from a command argument: known types only, a string search. */
export function exportFilterOf(value: unknown): ExportFilter | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { types, search } = value as { types?: unknown; search?: unknown };
  const filter: ExportFilter = {};
  if (Array.isArray(types)) filter.types = types.filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  if (typeof search === 'string' && search.trim()) filter.search = search;
  return filter;
}
