// Keyboard movement within a group that is one Tab stop (roving tabindex or active descendant).
// No DOM here, so that plain Node can test it.

/**
 * The index an arrow, Home or End key moves to among `count` items from `index`, clamped to the
 * ends; undefined for any other key. `orientation` says which arrows move.
 */
export function moveIndex(key: string, index: number, count: number, orientation: 'horizontal' | 'vertical' | 'both'): number | undefined {
  if (count === 0) return undefined;
  const horizontal = orientation !== 'vertical';
  const vertical = orientation !== 'horizontal';
  let next: number;
  if ((key === 'ArrowRight' && horizontal) || (key === 'ArrowDown' && vertical)) next = index + 1;
  else if ((key === 'ArrowLeft' && horizontal) || (key === 'ArrowUp' && vertical)) next = index - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = count - 1;
  else return undefined;
  return Math.max(0, Math.min(count - 1, next));
}
