/** "1 mention", "1,234 mentions": a count with its noun, for every label the extension shows. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
