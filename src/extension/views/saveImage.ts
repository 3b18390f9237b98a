// Saving a chart of the Entity Explorer as an image: the webview draws it (canvas → PNG in
// base64, checked by parseWebviewMessage), the host asks where and writes it. One function for
// every chart (the timeline, the network).

import * as vscode from 'vscode';
import type { Services } from '../services';
import { saveFile } from '../curation/exportFile';

/** Writes the PNG to `target`, or where the user picks; the file written, or undefined. */
export async function saveImage(services: Services, what: string, base64: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const spec = { name: `${what}.png`, format: 'png', title: `Save the ${what} chart as PNG` };
  return saveFile(services, target, spec, () => Buffer.from(base64, 'base64'));
}
