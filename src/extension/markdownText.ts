// Corpus text inside Markdown (hovers, tree tooltips) must render as exactly that text.

/**
 * Plain text as Markdown that renders exactly that text: every ASCII punctuation character is
 * backslash-escaped (no emphasis, links, autolinks, code, headings, tables, icons), `&`, `<`
 * and `>` become entities (no HTML), and line breaks fold to spaces. MarkdownString.appendText
 * is not enough: it leaves URL-shaped text to become a live link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ');
}
