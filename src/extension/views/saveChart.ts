// Saving what the Entity Explorer shows, where the user picks (or to `target`, in the tests):
// charts the webview draws as PNG (the timeline, the network; checked by parseWebviewMessage),
// and files the host writes from the index over the panel's date filter: the concordance and the
// collocates as CSV (as the CLI writes them), the dispersion plot as SVG.

import * as vscode from 'vscode';
import { COLLOCATES_CSV_HEADER, collocateCsvFields, collocatesSteps } from '../../core/analytics/collocates';
import { concordanceTableSteps } from '../../core/analytics/concordance';
import { dispersion } from '../../core/analytics/dispersion';
import { Steps, runSliced } from '../../core/analytics/steps';
import { dispersionSvg } from '../../core/export/dispersionSvg';
import type { EntityRecord } from '../../core/index/corpusIndex';
import { CsvTable, csvSteps } from '../../core/text/csv';
import type { DateRange } from '../../shared/dateRange';
import type { ExportConcordanceMessage, SaveCollocatesMessage } from '../../shared/panelMessages';
import { saveFile } from '../curation/exportFile';
import { relativePath } from '../paths';
import { ANSWER_SLICE_MS } from './slicedAnswers';
import type { Services } from '../services';

type Saved = Promise<vscode.Uri | undefined>;

/** Writes the PNG to `target`, or where the user picks; the file written, or undefined. */
export async function saveImage(services: Services, what: string, base64: string, target?: vscode.Uri): Saved {
  const spec = { name: `${what}.png`, format: 'png', title: `Save the ${what} chart as PNG` };
  return saveFile(services, target, spec, () => Buffer.from(base64, 'base64'));
}

/** Every mention's line (not only those the panel lists), in the panel's order and width. */
export async function saveConcordance(
  services: Services,
  entity: EntityRecord,
  { sort, width }: Pick<ExportConcordanceMessage, 'sort' | 'width'>,
  range: DateRange | undefined,
  target?: vscode.Uri,
): Saved {
  return saveCsv(services, 'concordance', entity, target, () =>
    concordanceTableSteps(services.index, entity.id, { sort, width, range }, docId => relativePath(docId, false)),
  );
}

/** Every collocate (not only the panel's first ones), as `corpus-lens collocates --format csv` writes them. */
export async function saveCollocates(
  services: Services,
  entity: EntityRecord,
  { window, keepStopwords }: Pick<SaveCollocatesMessage, 'window' | 'keepStopwords'>,
  range: DateRange | undefined,
  target?: vscode.Uri,
): Saved {
  return saveCsv(services, 'collocates', entity, target, function* () {
    const { rows } = yield* collocatesSteps(services.index, entity.id, { window, keepStopwords, range });
    return [COLLOCATES_CSV_HEADER, rows.map(collocateCsvFields)];
  });
}

/** The dispersion plot of every document that mentions the entity (the panel draws at most 500). */
export async function saveDispersion(services: Services, entity: EntityRecord, range: DateRange | undefined, target?: vscode.Uri): Saved {
  const spec = { name: `dispersion-${fileNamePart(entity.name)}.svg`, format: 'svg', title: `Save the dispersion of ${entity.name}` };
  return saveFile(services, target, spec, () =>
    dispersionSvg(entity.name, dispersion(services.index, entity.id, range), docId => relativePath(docId, false)),
  );
}

/**
 * An entity's table as CSV (`what`-NAME.csv); `table` is computed once the target is known, in
 * time slices as the panel's answers are: every mention of a frequent entity takes long.
 */
async function saveCsv(
  services: Services,
  what: string,
  entity: EntityRecord,
  target: vscode.Uri | undefined,
  table: () => Steps<CsvTable>,
): Saved {
  const spec = { name: `${what}-${fileNamePart(entity.name)}.csv`, format: 'csv', title: `Save the ${what} of ${entity.name}` };
  return saveFile(services, target, spec, async () => (await runSliced(csvSteps(table()), ANSWER_SLICE_MS))!.text);
}

/** A name as part of a file name: letters, digits and dashes. */
function fileNamePart(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'entity'
  );
}
