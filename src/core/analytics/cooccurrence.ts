// The co-occurrence network: entity pairs mentioned in the same sentence, scored by (signed)
// log-likelihood with the sentence as the unit. A mention belongs to the sentence its start falls
// in, as in CorpusIndex.cooccurrences; the table of a pair counts sentences holding both, one of
// them, and neither, over every sentence of the corpus.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { EntitySpan, IndexedMention } from '../index/indexTypes';
import { lastAtOrBefore } from '../index/mentionTable';
import { Span } from '../types';
import { signedLogLikelihood } from './association';
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

/** Edges of pairs sharing at least `min` sentences. */
export function cooccurrenceNetwork(index: CorpusIndex, min = 1): CooccurrenceNetwork {
  return runSteps(cooccurrenceNetworkSteps(index, min));
}

/** cooccurrenceNetwork, yielding after each document. */
export function* cooccurrenceNetworkSteps(index: CorpusIndex, min = 1): Steps<CooccurrenceNetwork> {
  const sentencesOf = new Map<string, number>();
  const edges = new Map<string, CooccurrenceEdge>();
  let total = 0;
  for (const docId of index.documentIds()) {
    const inDocument = new Set<CooccurrenceEdge>();
    for (const entities of sentenceEntities(index.sentences(docId), index.entitySpans(docId))) {
      total++;
      for (const id of entities) sentencesOf.set(id, (sentencesOf.get(id) ?? 0) + 1);
      for (const [a, b] of pairs(entities)) {
        const key = `${a}\u0000${b}`;
        let edge = edges.get(key);
        if (!edge) edges.set(key, (edge = { a, b, sentences: 0, documents: 0, score: 0 }));
        edge.sentences++;
        if (!inDocument.has(edge)) edge.documents++;
        inDocument.add(edge);
      }
    }
    yield;
  }
  const kept = [...edges.values()].filter(edge => edge.sentences >= min);
  for (const edge of kept) {
    const [na, nb, k] = [sentencesOf.get(edge.a)!, sentencesOf.get(edge.b)!, edge.sentences];
    edge.score = signedLogLikelihood({ k11: k, k12: na - k, k21: nb - k, k22: total - na - nb + k });
  }
  kept.sort((x, y) => y.score - x.score || y.sentences - x.sentences || compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b));
  return { measure: 'log-likelihood', edges: kept };
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
 * as many as the edge's `sentences`), by document id, then in text order; at most `limit`.
 */
export function sharedSentences(index: CorpusIndex, a: string, b: string, limit = Infinity): SharedSentence[] {
  return runSteps(sharedSentencesSteps(index, a, b, limit));
}

/** sharedSentences, yielding after each document that mentions both. */
export function* sharedSentencesSteps(index: CorpusIndex, a: string, b: string, limit = Infinity): Steps<SharedSentence[]> {
  if (a === b) return [];
  const withB = new Set(index.documentsMentioning(b));
  const shared: SharedSentence[] = [];
  for (const docId of index.documentsMentioning(a).filter(d => withB.has(d))) {
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

function* pairs(sorted: readonly string[]): Generator<[string, string]> {
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) yield [sorted[i], sorted[j]];
}
