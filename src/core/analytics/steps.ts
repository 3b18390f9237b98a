// Passes over the whole corpus are written as generators that yield between small units of work
// (a document, a few thousand items), so that one implementation serves both sides: the CLI and
// the tests run a pass through at once (runSteps); the extension host runs it in time slices
// (runSliced), so that a pass over 10,000 documents never blocks its event loop for long.

/** A computation of a T that may be paused wherever it yields. */
export type Steps<T> = Generator<void, T, undefined>;

/** Runs the steps through at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs` (a slice ends at the first yield past it), giving
 * the event loop a turn in between. Resolves to undefined, unfinished, once `abandoned()` holds
 * (asked before each slice): the index changed or a newer request came.
 */
export async function runSliced<T extends object>(steps: Steps<T>, sliceMs: number, abandoned = () => false): Promise<T | undefined> {
  for (;;) {
    if (abandoned()) {
      steps.return(undefined as never);
      return undefined;
    }
    const started = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - started >= sliceMs) break;
    }
    await new Promise(resolve => setImmediate(resolve));
  }
}
