// FNV-1a over UTF-16 code units: a quick hash of a word read in place, with no string made (the
// gazetteers' filters, the corpus word counts' spellings).

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The FNV-1a hash of text's code units from start to end. */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}
