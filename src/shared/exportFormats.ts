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

/** What the export command's list says of each choice (the panel's menu is shorter: exportLabel). */
export const EXPORT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'entities.csv': 'Entities as CSV',
  'entities.json': 'Entities as JSON',
  'mentions.csv': 'Mentions as CSV',
  'spans.jsonl': 'Documents with spans as JSONL (spaCy / Prodigy)',
};

/** "Entities as CSV": the export command's words for a choice. */
export function exportDescription(what: ExportWhat, format: ExportFormat): string {
  return EXPORT_DESCRIPTIONS[`${what}.${format}`] ?? exportLabel(what, format);
}

/** A menu label: "Entities (CSV)". */
export function exportLabel(what: ExportWhat, format: ExportFormat): string {
  return `${what[0].toUpperCase()}${what.slice(1)} (${format.toUpperCase()})`;
}
