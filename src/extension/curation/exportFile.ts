// Export and save from the extension: the core's exportCorpus (documents as workspace-relative
// paths), the panel's concordance and charts, written to a file the user picks (or the tests name).

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

/** What a save writes: its default file name, a filter label for the dialog, and the dialog's title. */
export interface SaveSpec {
  name: string;
  /** The file extension (no dot), offered as the dialog's filter. */
  format: string;
  title: string;
}

/** Asks where to save (a save dialog), defaulting to `spec.name` in the first workspace folder unless in Restricted Mode. */
export async function askTarget(spec: SaveSpec): Promise<vscode.Uri | undefined> {
  const folder = isRestricted() ? undefined : vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, spec.name) : undefined,
    filters: { [spec.format.toUpperCase()]: [spec.format] },
    title: spec.title,
    saveLabel: 'Save',
  });
}

/**
 * Writes what `content` makes to `target`, or where the user picks (a save dialog), unless the
 * target may not be written (Restricted Mode, links: trust.ts). The file written, or undefined
 * when cancelled, refused or failed (the user is told).
 */
export async function saveFile(
  services: Services,
  target: vscode.Uri | undefined,
  spec: SaveSpec,
  content: () => string | Uint8Array | Promise<string | Uint8Array>,
): Promise<vscode.Uri | undefined> {
  target ??= await askTarget(spec);
  if (!target || !(await allowWrite(target, services.log))) return undefined;
  try {
    const data = await content();
    if (target.scheme === 'file') await writeFileAtomic(target.fsPath, data);
    else await vscode.workspace.fs.writeFile(target, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    services.log.error(`saving ${spec.name} failed: ${message}`);
    void vscode.window.showErrorMessage(`Corpus Lens: saving failed: ${message}`);
    return undefined;
  }
  services.log.info(`saved ${spec.title.toLowerCase()} to ${target.toString(true)}`);
  void vscode.window.showInformationMessage(`Corpus Lens: saved to ${vscode.workspace.asRelativePath(target)}`);
  return target;
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
  const { what, format } = choice;
  if (!isExportFormat(what, format)) throw new Error(`${what} cannot be exported as ${format}`);
  const spec = { name: `${what}.${format}`, format, title: `Export ${exportDescription(what, format)}` };
  return saveFile(services, target, spec, () =>
    exportCorpus(services.index, what, format, { filter, path: docId => relativePath(docId, false) }),
  );
}
