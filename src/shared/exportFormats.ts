// What the corpus can be exported as, and as what: the one table behind the core's export, the
// panel's menu and messages, the CLI's --what/--format and the export command's choices.
// Self-contained (no imports): the webview bundle pulls it in.

export const EXPORTS = {
  entities: ['csv', 'json'],
  mentions: ['csv'],
  spans: ['jsonl'],
} as const;

export type ExportWhat = keyof typeof EXPORTS;
export type ExportFormat = (typeof EXPORTS)[ExportWhat][number];

export const EXPORT_WHATS = Object.keys(EXPORTS) as ExportWhat[];

export function isExportWhat(what: string): what is ExportWhat {
  return Object.prototype.hasOwnProperty.call(EXPORTS, what);
}

/** Whether `format` is one `what` can be exported as. */
export function isExportFormat(what: ExportWhat, format: string): format is ExportFormat {
  return (EXPORTS[what] as readonly string[]).includes(format);
}

/** A menu label: "Entities (CSV)". */
export function exportLabel(what: ExportWhat, format: ExportFormat): string {
  return `${what[0].toUpperCase()}${what.slice(1)} (${format.toUpperCase()})`;
}
