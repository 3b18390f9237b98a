// The Entity Explorer's answers run in time slices (see core/analytics/steps), so that a pass over a
// large corpus never blocks the extension host for long. Between slices the index may change, or
// a newer request come that overtakes this one: an answer computed over a changed index is
// computed again, an overtaken one dropped, so that no answer is posted stale. No vscode here: the
// benchmark runs the panel's answers through this too.

import type { CorpusIndex, Disposable } from '../../core/index/corpusIndex';
import { Steps, runSliced } from '../../core/analytics/steps';

/** A slice's budget: under the 50 ms the host may be blocked, leaving room for what runs between slices. */
export const ANSWER_SLICE_MS = 10;

export class SlicedAnswers implements Disposable {
  private changes = 0;
  private requests = 0;
  /** Per kind of request, the newest one's number: it overtakes the others of its kind. */
  private readonly newest = new Map<string, number>();
  private disposed = false;
  private readonly subscription: Disposable;

  constructor(
    index: CorpusIndex,
    private readonly sliceMs = ANSWER_SLICE_MS,
  ) {
    this.subscription = index.onDidChange(() => this.changes++);
  }

  /**
   * The answer of `steps()` over the index as it is when the answer is ready; undefined when a
   * newer request of the same `kind` came meanwhile, or this was disposed.
   */
  async answer<T extends object>(kind: string, steps: () => Steps<T>): Promise<T | undefined> {
    const request = ++this.requests;
    this.newest.set(kind, request);
    const dropped = () => this.disposed || this.newest.get(kind) !== request;
    for (;;) {
      const changes = this.changes;
      const answer = await runSliced(steps(), this.sliceMs, () => dropped() || this.changes !== changes);
      if (answer !== undefined || dropped()) return answer;
    }
  }

  /** Drops the request of `kind` under way, if any. */
  drop(kind: string): void {
    this.newest.delete(kind);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
  }
}
