// RFC 4180 CSV: CRLF row ends; fields holding a comma, quote or line break are quoted, with
// quotes doubled.

import type { Steps } from '../analytics/steps';

export type CsvField = string | number | null;
/** A header and its rows. */
export type CsvTable = [readonly string[], CsvField[][]];

export function csvRow(fields: readonly CsvField[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** The CSV text of a table computed in steps, yielding every 1,000 rows as well. */
export function* csvSteps(table: Steps<CsvTable>): Steps<{ text: string }> {
  const [header, rows] = yield* table;
  const lines = [csvRow(header)];
  for (const row of rows) {
    lines.push(csvRow(row));
    if (lines.length % 1000 === 0) yield;
  }
  return { text: lines.join('') };
}

function csvField(field: CsvField): string {
  const text = field === null ? '' : String(field);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Parses RFC 4180 text into rows of fields (row ends CRLF, or LF for files edited by hand);
 * throws on a quote left open or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let closed = false;
  const endField = (): void => {
    row.push(field);
    field = '';
    closed = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[i++];
      else {
        quoted = false;
        closed = true;
      }
    } else if (c === ',') endField();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endField();
      rows.push(row);
      row = [];
    } else if (closed) throw new Error(`CSV: text after a closing quote at offset ${i}`);
    else if (c === '"' && field === '') quoted = true;
    else field += c;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0 || closed) {
    endField();
    rows.push(row);
  }
  return rows;
}
