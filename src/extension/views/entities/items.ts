// How each row of the Entities view looks: label, icon, description, tooltip and click command.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusIndex } from '../../../core/index/corpusIndex';
import type { EntityType } from '../../../core/types';
import { plural } from '../../../shared/plural';
import { COMMANDS } from '../../commands/ids';
import { colorId } from '../../editor/entityColors';
import { escapeMarkdown } from '../../markdownText';
import { relativePath } from '../../paths';
import { EntityNode, MentionNode, SNIPPET_CONTEXT, TreeNode, mentionLabel } from './nodes';

export const TYPE_NAMES: Record<EntityType, string> = {
  PERSON: 'people',
  ORG: 'organisations',
  PLACE: 'places',
  NORP: 'nationalities, religious and political groups',
  MISC: 'other names',
  DATE: 'dates',
  TIME: 'times',
  DURATION: 'durations',
  MONEY: 'amounts of money',
  PERCENT: 'percentages',
  CARDINAL: 'numbers',
  ORDINAL: 'ordinals',
  URL: 'web addresses',
  EMAIL: 'e-mail addresses',
  HASHTAG: 'hashtags',
  MENTION: '@-mentions',
  EMOJI: 'emoji',
  EMOTICON: 'emoticons',
};

const TYPE_ICONS: Record<EntityType, string> = {
  PERSON: 'person',
  ORG: 'organization',
  PLACE: 'location',
  NORP: 'globe',
  MISC: 'tag',
  DATE: 'calendar',
  TIME: 'watch',
  DURATION: 'history',
  MONEY: 'credit-card',
  PERCENT: 'symbol-operator',
  CARDINAL: 'symbol-number',
  ORDINAL: 'list-ordered',
  URL: 'link',
  EMAIL: 'mail',
  HASHTAG: 'tag',
  MENTION: 'mention',
  EMOJI: 'smiley',
  EMOTICON: 'smiley',
};

/** The one place a type's icon is made (type rows and entity rows), tinted with the type's colour. */
function typeIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type], new vscode.ThemeColor(colorId(type, 'foreground')));
}

/** What a row needs besides its node: the index, the number of skipped files and the filter text. */
export interface ItemContext {
  index: CorpusIndex;
  skippedCount: number;
  filter: string;
}

/** A tooltip for corpus text: neither trusted nor HTML, so escaped text can form no link. */
function untrustedMarkdown(): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

export function treeItem(node: TreeNode, ctx: ItemContext): vscode.TreeItem {
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  // Under a text filter, every group shown has matches: all open, so the matches show at once.
  const group = ctx.filter ? vscode.TreeItemCollapsibleState.Expanded : collapsed;
  switch (node.kind) {
    case 'skipped': {
      const item = new vscode.TreeItem(`Skipped (${ctx.skippedCount})`, collapsed);
      item.iconPath = new vscode.ThemeIcon('warning');
      item.tooltip = 'Corpus files that were not analysed, with the reason';
      item.contextValue = 'skipped';
      return item;
    }
    case 'skippedFile': {
      const item = new vscode.TreeItem(relativePath(node.docId), vscode.TreeItemCollapsibleState.None);
      item.resourceUri = vscode.Uri.parse(node.docId);
      item.iconPath = vscode.ThemeIcon.File;
      item.description = node.reason;
      item.tooltip = `${relativePath(node.docId)}: ${node.reason}`;
      item.contextValue = 'skippedFile';
      return item;
    }
    case 'document': {
      const item = new vscode.TreeItem(relativePath(node.docId), group);
      item.resourceUri = vscode.Uri.parse(node.docId);
      item.iconPath = vscode.ThemeIcon.File;
      item.description = plural(node.count, 'entity', 'entities');
      const info = ctx.index.document(node.docId);
      item.tooltip = [
        relativePath(node.docId),
        info?.date ? `dated ${info.date}` : undefined,
        info ? `${plural(info.mentionCount, 'mention')}, ${plural(info.tokens, 'word')}` : undefined,
      ]
        .filter(Boolean)
        .join('\n');
      item.contextValue = 'document';
      return item;
    }
    case 'type': {
      const item = new vscode.TreeItem(node.type, group);
      item.iconPath = typeIcon(node.type);
      item.description = String(node.count);
      const matching = ctx.filter ? ` matching “${ctx.filter}”` : '';
      item.tooltip = `${node.type}: ${plural(node.count, 'entity', 'entities')} (${TYPE_NAMES[node.type]})${matching}`;
      item.contextValue = 'type';
      return item;
    }
    case 'entity':
      return entityItem(node, ctx.index);
    case 'mention':
      return mentionItem(node, ctx.index);
  }
}

function entityItem(node: EntityNode, index: CorpusIndex): vscode.TreeItem {
  const record = index.entity(node.entityId);
  const item = new vscode.TreeItem(record?.name ?? node.entityId, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = String(node.count);
  item.contextValue = 'entity';
  if (!record) return item;
  item.iconPath = typeIcon(record.type);
  // Corpus text goes in escaped: no HTML, no links, not even autolinks.
  const tooltip = untrustedMarkdown();
  tooltip.appendMarkdown(`**${escapeMarkdown(record.name)}**\n\n`);
  const counts = `${plural(record.mentionCount, 'mention')} in ${plural(record.documentCount, 'document')}`;
  tooltip.appendText(`${record.type} (${TYPE_NAMES[record.type]}) · ${counts}`);
  if (node.docId !== undefined) tooltip.appendText(` · ${node.count} in this one`);
  tooltip.appendMarkdown('\n\n');
  if (record.aliases.length > 0) tooltip.appendMarkdown(`Also: ${record.aliases.map(escapeMarkdown).join(', ')}`);
  else tooltip.appendMarkdown('_No other names_');
  item.tooltip = tooltip;
  return item;
}

function mentionItem(node: MentionNode, index: CorpusIndex): vscode.TreeItem {
  const m = node.mention;
  const snippet = index.context(m.docId, m.start, m.end, SNIPPET_CONTEXT) ?? { left: '', text: m.text, right: '' };
  // One code unit more on the right tells whether the text goes on past the snippet.
  const wider = index.context(m.docId, m.start, m.end, SNIPPET_CONTEXT + 1);
  const cutRight = !!wider && wider.right !== snippet.right;
  const { label, highlight } = mentionLabel(m.line, snippet, m.start > SNIPPET_CONTEXT, cutRight);
  const item = new vscode.TreeItem({ label, highlights: [highlight] }, vscode.TreeItemCollapsibleState.None);
  if (node.parent.docId === undefined) item.description = path.posix.basename(vscode.Uri.parse(m.docId).path);
  const tooltip = untrustedMarkdown();
  tooltip.appendMarkdown(`${escapeMarkdown(relativePath(m.docId))}, line ${m.line + 1}, column ${m.character + 1}\n\n`);
  const [left, text, right] = [snippet.left.trimStart(), snippet.text, snippet.right.trimEnd()].map(escapeMarkdown);
  tooltip.appendMarkdown(`${left}**${text}**${right}`);
  item.tooltip = tooltip;
  item.contextValue = 'mention';
  item.command = { command: COMMANDS.openMention, title: 'Open Mention', arguments: [m.docId, m.start, m.end] };
  return item;
}
