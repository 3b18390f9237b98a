// The one search semantics of every list (the Entities tree, the Entity Explorer, Go to Symbol):
// a query matches a name when the name, or one of its words, starts with the query, ignoring case
// ("jin" finds "Xi Jinping", "xi jin" too; "ping" does not). README "Searching" says the same.

/** The query as the matcher compares it. */
export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Whether `name` starts with `query` (normalised) or has a word starting with it. */
export function matchesQuery(name: string, query: string): boolean {
  if (!query) return true;
  const text = name.toLowerCase();
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1])) return true;
  }
  return false;
}
