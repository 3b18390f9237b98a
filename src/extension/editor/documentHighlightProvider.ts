// The other mentions, in this document, of the entity under the cursor.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { mentionAtPosition, mentionRange } from './mentionLocations';

export class MentionHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(private readonly services: Services) {}

  provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const mention = mentionAtPosition(this.services, doc, position);
    if (!mention) return undefined;
    return this.services.index
      .mentionsIn(mention.docId)
      .filter(m => m.entityId === mention.entityId)
      .map(m => new vscode.DocumentHighlight(mentionRange(m, doc), vscode.DocumentHighlightKind.Text));
  }
}
