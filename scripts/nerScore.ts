// Entity-level scores (exact span and type) of a recogniser on gold documents, with a summary of
// what goes wrong: a wrong type on the right span, a wrong boundary, a miss, a spurious name.
import { GOLD_TYPES, GoldDoc, GoldType } from './nerCorpus';

export interface Predicted {
  start: number;
  end: number;
  /** Our type: PERSON, ORG, PLACE, NORP, MISC (others are ignored). */
  type: string;
}

const FROM_OURS: Record<string, GoldType | undefined> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', NORP: 'MISC', MISC: 'MISC' };

export interface Scores {
  counts: Map<string, { tp: number; fp: number; fn: number }>;
  confusion: Map<string, number>;
}

/** `types`: the gold types scored (UNER's web text has no MISC: MISC is left out on both sides). */
export function scoreDocs(
  docs: readonly GoldDoc[],
  predict: (text: string) => Predicted[],
  types: readonly GoldType[] = GOLD_TYPES,
): Scores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of [...types, 'overall']) counts.set(t, { tp: 0, fp: 0, fn: 0 });
  const confusion = new Map<string, number>();
  const count = (type: string, field: 'tp' | 'fp' | 'fn'): void => {
    (counts.get(type) as { tp: number; fp: number; fn: number })[field]++;
    (counts.get('overall') as { tp: number; fp: number; fn: number })[field]++;
  };
  const confuse = (what: string): void => void confusion.set(what, (confusion.get(what) ?? 0) + 1);
  for (const doc of docs) {
    const gold = doc.gold.filter(g => types.includes(g.type));
    const predicted: { start: number; end: number; type: GoldType }[] = [];
    for (const p of predict(doc.text)) {
      const type = FROM_OURS[p.type];
      if (type && types.includes(type)) predicted.push({ start: p.start, end: p.end, type });
    }
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const p of predicted) {
      if (goldKeys.has(key(p))) {
        count(p.type, 'tp');
        continue;
      }
      count(p.type, 'fp');
      const same = gold.find(g => g.start === p.start && g.end === p.end);
      if (same) confuse(`${same.type} typed ${p.type}`);
      else if (gold.some(g => g.start < p.end && p.start < g.end)) confuse(`${p.type} wrong boundary`);
      else confuse(`${p.type} spurious`);
    }
    for (const g of gold) {
      if (predictedKeys.has(key(g))) continue;
      count(g.type, 'fn');
      if (!predicted.some(p => p.start < g.end && g.start < p.end)) confuse(`${g.type} missed`);
    }
  }
  return { counts, confusion };
}

export function overallF1(scores: Scores): number {
  const { tp, fp, fn } = scores.counts.get('overall') as { tp: number; fp: number; fn: number };
  return (2 * tp) / (2 * tp + fp + fn || 1);
}

export function formatScores(scores: Scores): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
  const lines = ['type      precision  recall     F1   gold   pred'];
  for (const [type, { tp, fp, fn }] of scores.counts) {
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    const f = (2 * p * r) / (p + r || 1);
    lines.push(`${type.padEnd(8)} ${pct(p)}    ${pct(r)} ${pct(f)} ${String(tp + fn).padStart(6)} ${String(tp + fp).padStart(6)}`);
  }
  const top = [...scores.confusion].sort((a, b) => b[1] - a[1]).slice(0, 10);
  lines.push(`errors: ${top.map(([what, n]) => `${what} ${n}`).join(', ')}`);
  return lines.join('\n');
}
