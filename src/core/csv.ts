// RFC 4180 CSV: CRLF row ends; fields holding a comma, quote or line break are quoted, with
// quotes doubled.

export type CsvField = string | number | null;

export function csvRow(fields: readonly CsvField[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(field: CsvField): string {
  const text = field === null ? '' : String(field);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
