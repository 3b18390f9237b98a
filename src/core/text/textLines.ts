// Offsets ↔ line/character, splitting lines on \r\n, \r and \n as VS Code does.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 offset within the line. */
  character: number;
}

/** Offsets at which each line starts; the first is always 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: ArrayLike<number>, offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}
