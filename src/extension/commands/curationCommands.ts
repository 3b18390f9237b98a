// Curation commands: each one adds a correction to (or undoes the last one of)
// `.corpus-lens/corrections.json` through the CorrectionsStore; the corpus service re-applies the
// corrections and every view follows through the index's change events.
//
// Arguments (from the tree's context menu, the hover's links and the tests) come first; what is
// missing is taken from the editor (the entity under the cursor, the selection) or asked for.
// Each command resolves to true when a correction was written.

import * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/corpusIndex';
import { Correction, describeCorrection, undoLastCorrection, addCorrection } from '../../core/corrections/corrections';
import type { ExportFilter, ExportFormat, ExportWhat } from '../../core/export/export';
import { ENTITY_TYPES, EntityType, NAMED_TYPES, NamedType } from '../../core/types';
import { TYPE_DESCRIPTIONS } from '../editor/entityColors';
import { plural } from '../../shared/plural';
import { runExport } from '../curation/exportFile';
import type { Services } from '../services';
import { entityIdOf, mentionAtCursor } from './entityArgs';
import { COMMANDS } from './ids';

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

  /** Writes `correction`; offers to undo it. */
  const apply = async (correction: Correction): Promise<boolean> => {
    const written = await store.update(current => addCorrection(current, correction));
    if (!written) return false;
    const text = describeCorrection(correction);
    services.log.info(`correction: ${text}`);
    void vscode.window.showInformationMessage(`Corpus Lens: ${text}.`, 'Undo').then(choice => {
      if (choice === 'Undo') void undo();
    });
    return true;
  };

  const undo = async (): Promise<boolean> => {
    let undone: Correction | undefined;
    const written = await store.update(current => {
      undone = current.corrections[current.corrections.length - 1];
      return undone ? undoLastCorrection(current) : undefined;
    });
    if (!written || !undone) {
      if (!undone && !store.error) void vscode.window.showInformationMessage('Corpus Lens: no correction to undo.');
      return false;
    }
    const text = `Undo: ${describeCorrection(undone)}`;
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
    return apply({ op: 'retype', entity: entity.id, type: target });
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
        index.entities({ types: [from.type] }).filter(e => e.id !== from.id).map(e => ({
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
    return apply({ op: 'merge', entity: from.id, into: into.id, name: into.name });
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
    return apply({ op: 'split', entity: entity.id, alias });
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
    const choice = typeof what === 'string' && typeof format === 'string'
      ? { what: what as ExportWhat, format: format as ExportFormat }
      : undefined;
    return runExport(services, uri, choice, exportFilterOf(filter));
  };

  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(COMMANDS.changeEntityType, changeEntityType);
  register(COMMANDS.notAnEntity, notAnEntity);
  register(COMMANDS.addEntity, addEntity);
  register(COMMANDS.mergeEntities, mergeEntities);
  register(COMMANDS.splitAlias, splitAlias);
  register(COMMANDS.undoCorrection, undo);
  register(COMMANDS.export, exportCommand);

  return { store };
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
