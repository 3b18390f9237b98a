// Export from the extension: the core's exportCorpus, written to a file the user picks (or the
// tests name), with documents as workspace-relative paths.

import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/node/atomicWrite';
import {
  EXPORTS,
  EXPORT_WHATS,
  ExportFilter,
  ExportFormat,
  ExportWhat,
  exportCorpus,
  exportDescription,
  isExportFormat,
} from '../../core/export/export';
import { relativePath } from '../paths';
import { allowWrite, isRestricted } from '../trust';
import type { Services } from '../services';

export interface ExportChoice {
  what: ExportWhat;
  format: ExportFormat;
}

/** Every (what, format) pair, for a QuickPick. */
export function exportChoices(): ExportChoice[] {
  return EXPORT_WHATS.flatMap(what => EXPORTS[what].map(format => ({ what, format: format as ExportFormat })));
}

export async function pickExport(): Promise<ExportChoice | undefined> {
  const picked = await vscode.window.showQuickPick(
    exportChoices().map(c => ({ label: exportDescription(c.what, c.format), choice: c })),
    { title: 'Corpus Lens: Export', placeHolder: 'What to export' },
  );
  return picked?.choice;
}

/** Asks where to save (a save dialog), defaulting to `<what>.<format>` in the first workspace folder unless in Restricted Mode. */
export async function askTarget(choice: ExportChoice): Promise<vscode.Uri | undefined> {
  const folder = isRestricted() ? undefined : vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${choice.what}.${choice.format}`;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [choice.format.toUpperCase()]: [choice.format] },
    title: `Export ${exportDescription(choice.what, choice.format)}`,
    saveLabel: 'Export',
  });
}

/** Writes the export to `target` (atomically for files). */
export async function writeExport(services: Services, target: vscode.Uri, choice: ExportChoice, filter?: ExportFilter): Promise<void> {
  if (!isExportFormat(choice.what, choice.format)) throw new Error(`${choice.what} cannot be exported as ${choice.format}`);
  const content = exportCorpus(services.index, choice.what, choice.format, { filter, path: docId => relativePath(docId, false) });
  if (target.scheme === 'file') await writeFileAtomic(target.fsPath, content);
  else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  services.log.info(`exported ${choice.what} (${choice.format}) to ${target.toString(true)}`);
}

/** Export with a dialog for what is missing; the file written, or undefined when cancelled. */
export async function runExport(
  services: Services,
  target?: vscode.Uri,
  choice?: ExportChoice,
  filter?: ExportFilter,
): Promise<vscode.Uri | undefined> {
  choice ??= await pickExport();
  if (!choice) return undefined;
  target ??= await askTarget(choice);
  if (!target || !(await allowWrite(target, services.log))) return undefined;
  try {
    await writeExport(services, target, choice, filter);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    services.log.error(`export failed: ${message}`);
    void vscode.window.showErrorMessage(`Corpus Lens: export failed: ${message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Corpus Lens: exported to ${vscode.workspace.asRelativePath(target)}`);
  return target;
}
