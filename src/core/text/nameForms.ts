// The ways a name is normalised, one function per role; the index, the resolver and the
// corrections all use these, so two spellings that one treats as the same the others do too.

/** A mention's text as a display name: spacing folded, possessive dropped ("Jinping’s" → "Jinping"). */
export function surfaceForm(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/['\u2019]s?$/, '');
}

/** A text as corrections compare it: lower case, spacing and curly apostrophes folded, no possessive. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s?$/, '');
}

/** An entity key `TYPE:name` as an entity id: its name folded as foldText, a leading "the" dropped. */
export function foldKey(entityKey: string): string {
  const colon = entityKey.indexOf(':');
  return `${entityKey.slice(0, colon)}:${foldText(entityKey.slice(colon + 1)).replace(/^the /, '')}`;
}
