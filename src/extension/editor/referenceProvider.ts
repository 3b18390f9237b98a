// Find All References / Shift+F12 on a mention: every mention of its entity across the corpus.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { mentionAtPosition, mentionLocation } from './mentionLocations';

export class MentionReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly services: Services) {}

  provideReferences(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const mention = mentionAtPosition(this.services, doc, position);
    if (!mention) return undefined;
    return this.services.index.mentionsOf(mention.entityId).map(mentionLocation);
  }
}
