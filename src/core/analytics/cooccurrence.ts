// The co-occurrence network: entity pairs mentioned in the same sentence, scored by (signed)
// log-likelihood with the sentence as the unit. A mention belongs to the sentence its start falls
// in, as in CorpusIndex.cooccurrences; the table of a pair counts sentences holding both, one of
// them, and neither, over every sentence of the corpus.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { EntitySpan, IndexedMention } from '../index/indexTypes';
import { lastAtOrBefore } from '../index/mentionTable';
import { Span } from '../types';
import type { DateRange } from '../../shared/dateRange';
import { signedLogLikelihood } from './association';
import { documentsIn } from './dateFilter';
import { Steps, runSteps } from './steps';

export interface CooccurrenceEdge {
  /** The pair's ids in code-unit order: a < b. */
  a: string;
  b: string;
  /** Sentences mentioning both. */
  sentences: number;
  /** Documents with at least one such sentence. */
  documents: number;
  score: number;
}

export interface CooccurrenceNetwork {
  measure: 'log-likelihood';
  /** Highest score first. */
  edges: CooccurrenceEdge[];
}

/** Edges of pairs sharing at least `min` sentences, over the documents dated in `range` when given. */
export function cooccurrenceNetwork(index: CorpusIndex, min = 1, range?: DateRange): CooccurrenceNetwork {
  return { measure: 'log-likelihood', edges: runSteps(cooccurrenceEdgesSteps(index, min, range)).sort(compareEdges) };
}

/**
 * cooccurrenceNetwork's edges, scored but not sorted (the Explorer sorts only those it shows),
 * yielding after each document and every few thousand edges.
 */
export function* cooccurrenceEdgesSteps(index: CorpusIndex, min = 1, range?: DateRange): Steps<CooccurrenceEdge[]> {
  const sentencesOf = new Map<string, number>();
  // By the pair's first id, then its second: cheaper than a key made of both per pair.
  const edges = new Map<string, Map<string, CooccurrenceEdge>>();
  let total = 0;
  for (const docId of index.documentIds().filter(documentsIn(index, range))) {
    const inDocument = new Set<CooccurrenceEdge>();
    for (const entities of sentenceEntities(index.sentences(docId), index.entitySpans(docId))) {
      total++;
      for (let i = 0; i < entities.length; i++) {
        const a = entities[i];
        sentencesOf.set(a, (sentencesOf.get(a) ?? 0) + 1);
        let from = edges.get(a);
        if (!from && i + 1 < entities.length) edges.set(a, (from = new Map()));
        for (let j = i + 1; j < entities.length; j++) {
          const b = entities[j];
          let edge = from!.get(b);
          if (!edge) from!.set(b, (edge = { a, b, sentences: 0, documents: 0, score: 0 }));
          edge.sentences++;
          if (!inDocument.has(edge)) edge.documents++;
          inDocument.add(edge);
        }
      }
    }
    yield;
  }
  const kept: CooccurrenceEdge[] = [];
  for (const from of edges.values()) {
    for (const edge of from.values()) {
      if (edge.sentences < min) continue;
      const [na, nb, k] = [sentencesOf.get(edge.a)!, sentencesOf.get(edge.b)!, edge.sentences];
      edge.score = signedLogLikelihood({ k11: k, k12: na - k, k21: nb - k, k22: total - na - nb + k });
      if (kept.push(edge) % 5000 === 0) yield;
    }
  }
  return kept;
}

/** Strongest first: by score, then sentences, then the ids. */
export function compareEdges(x: CooccurrenceEdge, y: CooccurrenceEdge): number {
  return y.score - x.score || y.sentences - x.sentences || compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b);
}

/** A sentence mentioning both entities of a pair: the network edge's evidence. */
export interface SharedSentence {
  docId: string;
  start: number;
  end: number;
  /** The mentions of either entity that start in the sentence, in text order. */
  mentions: IndexedMention[];
}

/**
 * The sentences mentioning both `a` and `b` (by the same rule as the network, so that there are
 * as many as the edge's `sentences`), by document id, then in text order; at most `limit`; in
 * documents dated in `range` when given.
 */
export function sharedSentences(index: CorpusIndex, a: string, b: string, limit = Infinity, range?: DateRange): SharedSentence[] {
  return runSteps(sharedSentencesSteps(index, a, b, limit, range));
}

/** sharedSentences, yielding after each document that mentions both. */
export function* sharedSentencesSteps(
  index: CorpusIndex,
  a: string,
  b: string,
  limit = Infinity,
  range?: DateRange,
): Steps<SharedSentence[]> {
  if (a === b) return [];
  const withB = new Set(index.documentsMentioning(b));
  const inScope = documentsIn(index, range);
  const shared: SharedSentence[] = [];
  for (const docId of index.documentsMentioning(a).filter(d => withB.has(d) && inScope(d))) {
    const sentences = index.sentences(docId);
    const starts = sentences.map(s => s.start);
    const sentencesOf = (id: string) => {
      const found = new Set<number>();
      for (const { start } of index.spansIn(docId, id)) {
        const i = lastAtOrBefore(starts, start);
        if (i >= 0 && start < sentences[i].end) found.add(i);
      }
      return found;
    };
    const ofB = sentencesOf(b);
    for (const i of [...sentencesOf(a)].filter(i => ofB.has(i)).sort((x, y) => x - y)) {
      if (shared.length >= limit) return shared;
      const mentions = index.mentionsIn(docId, sentences[i]).filter(m => m.entityId === a || m.entityId === b);
      shared.push({ docId, ...sentences[i], mentions });
    }
    yield;
  }
  return shared;
}

/** Per sentence, the distinct entities whose mentions start in it, sorted by id. */
function sentenceEntities(sentences: readonly Span[], mentions: readonly EntitySpan[]): string[][] {
  let next = 0;
  return sentences.map(({ start, end }) => {
    while (next < mentions.length && mentions[next].start < start) next++;
    const ids = new Set<string>();
    for (; next < mentions.length && mentions[next].start < end; next++) ids.add(mentions[next].entityId);
    return [...ids].sort(compareCodeUnits);
  });
}
