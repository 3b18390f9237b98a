// The dispersion plot as a standalone SVG file (AntConc's Plot): a row per document that mentions
// the entity, its label on the left and a strip on the right with a tick per mention at its
// relative position. Black on white, so that it reads the same in any viewer or paper; every
// text from the corpus is escaped (names and paths are data, never markup).

import type { Dispersion } from '../analytics/dispersion';

const WIDTH = 900;
const LABEL_WIDTH = 300;
const STRIP = { left: LABEL_WIDTH + 60, width: WIDTH - LABEL_WIDTH - 80 };
const ROW = 20;
const TOP = 56;
/** Characters of a document's label drawn; the whole label is its row's tooltip (<title>). */
const MAX_LABEL = 44;

/** `title` heads the plot (the entity's name); `label` names a document as the user knows it. */
export function dispersionSvg(title: string, result: Dispersion, label: (path: string) => string): string {
  const rows = result.documents.filter(d => d.positions.length > 0);
  const height = TOP + rows.length * ROW + 16;
  const dp = result.dp === null ? 'no mentions' : `DP ${result.dp.toFixed(3)}`;
  const summary = `${dp}; mentioned in ${rows.length} of ${result.documents.length} documents`;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(`Dispersion of ${title}`)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="8" y="38">${escapeXml(summary)}</text>`,
    ...rows.map((doc, i) => {
      const y = TOP + i * ROW;
      const name = label(doc.path);
      const shown = name.length > MAX_LABEL ? `\u2026${name.slice(-(MAX_LABEL - 1))}` : name;
      const ticks = doc.positions.map(p => {
        const x = (STRIP.left + p * STRIP.width).toFixed(1);
        return `<line x1="${x}" x2="${x}" y1="${y + 2}" y2="${y + ROW - 4}" stroke="#000" stroke-width="1.5"/>`;
      });
      return [
        `<g><title>${escapeXml(`${name}: ${doc.positions.length} mentions`)}</title>`,
        `<text x="8" y="${y + ROW - 6}">${escapeXml(shown)}</text>`,
        `<text x="${STRIP.left - 8}" y="${y + ROW - 6}" text-anchor="end">${doc.positions.length}</text>`,
        `<rect x="${STRIP.left}" y="${y + 2}" width="${STRIP.width}" height="${ROW - 6}" fill="none" stroke="#999"/>`,
        ...ticks,
        '</g>',
      ].join('');
    }),
    '</svg>',
  ];
  return lines.join('\n') + '\n';
}

/** Text as XML character data or an attribute value; characters XML cannot hold become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
