import type { InformationCredibility, SourceReliability } from '../model';

/**
 * How much weight an exposure path carries, from the Admiralty grading of its links.
 *
 *   link weight   w = R(reliability) x C(credibility)
 *   path strength   = (w1 x w2 x ... x wh) x HOP_DECAY^(h - 1)
 *
 * R: A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.3
 * C: 1 1.0, 2 0.8, 3 0.6, 4 0.4, 5 0.2, 6 0.3
 *
 * The grades step down evenly from confirmed to improbable. F and 6 ("cannot be judged") say
 * nothing either way, so they sit below "fairly reliable"/"possibly true" but above the grades
 * that actively doubt the information (E, 5). The product means one weak link weakens the whole
 * chain, as it does in court. HOP_DECAY (0.5) makes each extra intermediary halve the strength,
 * so a direct A1 link (1.0) outranks a two-hop A1 chain (0.5), which outranks a direct C3 link
 * (0.36) only when the chain is well graded. Strength is in (0, 1].
 */
export const RELIABILITY_WEIGHT: Readonly<Record<SourceReliability, number>> = {
  A: 1,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.3,
};

export const CREDIBILITY_WEIGHT: Readonly<Record<InformationCredibility, number>> = {
  1: 1,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.3,
};

export const HOP_DECAY = 0.5;

export function linkWeight(
  reliability: SourceReliability,
  credibility: InformationCredibility,
): number {
  const r = RELIABILITY_WEIGHT[reliability];
  const c = CREDIBILITY_WEIGHT[credibility];
  // The types rule this out, but the data may come from a file or another process.
  if (r === undefined || c === undefined)
    throw new RangeError(`Invalid grading ${String(reliability)}${String(credibility)}.`);
  return r * c;
}

/** Strength of a path whose links have the given weights (see the formula above). */
export function pathStrength(weights: readonly number[]): number {
  if (weights.length === 0) return 1;
  return weights.reduce((p, w) => p * w, 1) * HOP_DECAY ** (weights.length - 1);
}
