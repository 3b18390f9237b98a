// The hover of a mention: what the entity is (its type in words), its names, a date's resolved
// value, how often the corpus mentions it, what it shares sentences with, and links to the
// other views.
//
// Corpus text is untrusted: every name and alias is escaped so it renders literally and can
// neither form a link nor carry HTML; the markdown may run only the commands linked here.

import * as vscode from 'vscode';
import type { CorpusIndex, EntityRecord, IndexedMention } from '../../core/index/corpusIndex';
import { EntityType, NAMED_TYPES } from '../../core/types';
import { plural } from '../../shared/plural';
import { COMMANDS } from '../commands/ids';
import { escapeMarkdown } from '../markdownText';
import type { Services } from '../services';
import { TYPE_DESCRIPTIONS } from './entityColors';
import { mentionAtPosition, mentionRange } from './mentionLocations';

/** The only commands a hover may run. */
export const HOVER_COMMANDS: readonly string[] = [
  COMMANDS.showMentions,
  COMMANDS.revealInTree,
  COMMANDS.openExplorer,
  COMMANDS.changeEntityType,
  COMMANDS.notAnEntity,
];

const MAX_ALIASES = 8;
/** The hover lists this many entities sharing sentences with the hovered one, of these types. */
export const COOCCURRENCE_LIMIT = 6;
export const COOCCURRENCE_TYPES: readonly EntityType[] = NAMED_TYPES;

/** A `command:` link; the arguments are JSON, percent-encoded, parentheses included. */
export function commandLink(title: string, command: string, args: unknown[], tooltip: string): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(title)}](command:${command}?${query} "${tooltip.replace(/["\\]/g, '')}")`;
}

export function entityHover(index: CorpusIndex, entity: EntityRecord, mention: IndexedMention): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;

  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** \u00b7 ${entity.type} (${escapeMarkdown(TYPE_DESCRIPTIONS[entity.type])})`);
  if (entity.aliases.length > 0) {
    const shown = entity.aliases.slice(0, MAX_ALIASES).map(escapeMarkdown).join(', ');
    const more = entity.aliases.length > MAX_ALIASES ? `, and ${entity.aliases.length - MAX_ALIASES} more` : '';
    lines.push(`Also: ${shown}${more}`);
  }
  if (entity.type === 'DATE') {
    lines.push(mention.value ? `Resolves to: ${escapeMarkdown(mention.value)}` : 'Resolves to: (not resolved)');
  }
  lines.push(`${plural(entity.mentionCount, 'mention')} in ${plural(entity.documentCount, 'document')}`);
  const together = index.cooccurrences(entity.id, COOCCURRENCE_LIMIT, COOCCURRENCE_TYPES);
  if (together.length > 0) {
    const list = together.map(c => `${escapeMarkdown(c.entity.name)} (${escapeMarkdown(c.entity.type)}, ${plural(c.count, 'sentence')})`);
    lines.push(`Often in the same sentence as: ${list.join(', ')}`);
  }
  md.appendMarkdown(lines.join('\n\n'));
  md.appendMarkdown('\n\n---\n\n');
  md.appendMarkdown(
    [
      commandLink(
        'Show all mentions',
        COMMANDS.showMentions,
        [entity.id, mention.docId, mention.start],
        'List every mention in the corpus',
      ),
      commandLink('Reveal in tree', COMMANDS.revealInTree, [entity.id], 'Show the entity in the Entities view'),
      commandLink('Open in Entity Explorer', COMMANDS.openExplorer, [entity.id], 'Open the entity in the Entity Explorer panel'),
      commandLink('Change type', COMMANDS.changeEntityType, [entity.id], 'Change the type of this entity everywhere (a correction)'),
      commandLink('Not an entity', COMMANDS.notAnEntity, [mention.text], 'This text is never an entity in this corpus (a correction)'),
    ].join(' \u00b7 '),
  );
  return md;
}

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const mention = mentionAtPosition(this.services, doc, position);
    const entity = mention && this.services.index.entity(mention.entityId);
    if (!mention || !entity) return undefined;
    return new vscode.Hover(entityHover(this.services.index, entity, mention), mentionRange(mention, doc));
  }
}
