// The Entity Explorer's network answers. The co-occurrence network is scored over every sentence of
// the corpus (or of the documents in the panel's date filter), a pass over every mention: it is
// computed once per index change and range, and each request keeps the edges between the nodes it
// names (the panel's filter). Answers are steps, as in explorerAnalytics.ts (no vscode here either).

import { CooccurrenceEdge, compareEdges, cooccurrenceEdgesSteps, sharedSentencesSteps } from '../../core/analytics/cooccurrence';
import type { Steps } from '../../core/analytics/steps';
import type { CorpusIndex, Disposable } from '../../core/index/corpusIndex';
import { DateRange, sameRange } from '../../shared/dateRange';
import {
  MAX_NETWORK_EDGES,
  MAX_SENTENCE_TEXT,
  MAX_SHARED_SENTENCES,
  NetworkMessage,
  NetworkRequest,
  SharedSentencesMessage,
  SharedSentencesRequest,
} from '../../shared/panelMessages';

export class NetworkAnswers implements Disposable {
  /** The last edges computed, and the range they were computed over. */
  private last: { range: DateRange | undefined; edges: CooccurrenceEdge[] } | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly index: CorpusIndex) {
    this.subscription = index.onDidChange(() => (this.last = undefined));
  }

  /**
   * The edges of the corpus, or of the documents dated in `range`, in no order, as last computed
   * (for the tests: computed once per index change and range).
   */
  *corpusEdges(range?: DateRange): Steps<CooccurrenceEdge[]> {
    if (this.last && sameRange(this.last.range, range)) return this.last.edges;
    const edges = yield* cooccurrenceEdgesSteps(this.index, 1, range);
    this.last = { range, edges };
    return edges;
  }

  /** The edges between the requested entities (unknown ids have none), strongest first, capped; in the documents dated in `range`. */
  *networkAnswer({ requestId, entityIds }: NetworkRequest, range?: DateRange): Steps<NetworkMessage> {
    const nodes = new Set(entityIds);
    const kept = (yield* this.corpusEdges(range)).filter(e => nodes.has(e.a) && nodes.has(e.b)).sort(compareEdges);
    return { type: 'network', requestId, measure: 'log-likelihood', edges: kept.slice(0, MAX_NETWORK_EDGES), total: kept.length };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/**
 * The sentences holding both entities (in documents dated in `range` when given), by document
 * (`label` names one as the user knows it), each cut to MAX_SENTENCE_TEXT code units from a
 * little before its first mention.
 */
export function* sharedSentencesAnswer(
  index: CorpusIndex,
  { requestId, a, b }: SharedSentencesRequest,
  label: (docId: string) => string,
  range?: DateRange,
): Steps<SharedSentencesMessage> {
  const all = yield* sharedSentencesSteps(index, a, b, Infinity, range);
  const groups: SharedSentencesMessage['groups'] = [];
  for (const s of all.slice(0, MAX_SHARED_SENTENCES)) {
    let group = groups[groups.length - 1];
    if (group?.docId !== s.docId) groups.push((group = { docId: s.docId, label: label(s.docId), sentences: [] }));
    const [first] = s.mentions;
    const from = s.end - s.start <= MAX_SENTENCE_TEXT ? s.start : Math.max(s.start, first.start - 100);
    const text = index.text(s.docId)!.slice(from, Math.min(s.end, from + MAX_SENTENCE_TEXT));
    const mentions = s.mentions.map(({ start, end }) => ({ start, end }));
    group.sentences.push({ start: s.start, end: s.end, line: first.line, character: first.character, from, text, mentions });
  }
  return { type: 'sharedSentences', requestId, a, b, total: all.length, groups };
}
