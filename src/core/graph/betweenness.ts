import type { GraphIndex } from './graphIndex';
import type { ProgressCallback } from './types';

/**
 * Exact betweenness centrality (Brandes 2001) on the undirected simple graph, over typed arrays.
 *
 * graphology-metrics computes the same numbers, but allocates per source and offers no progress;
 * this version reuses its buffers across the n breadth-first searches, which is what decides the
 * running time on 10,000-node cases, and reports progress so the UI can show it from a worker.
 * Normalised like graphology's default: divided by (n - 1)(n - 2), each unordered pair counted
 * from both of its ends, so a value is the share of shortest paths between other pairs that pass
 * through the node.
 */
export function betweennessCentrality(
  index: GraphIndex,
  onProgress?: ProgressCallback,
): Float64Array {
  const raw = betweennessFromSources(index, 0, index.order, onProgress);
  return normaliseBetweenness(raw);
}

/**
 * Un-normalised dependency sums from the sources start..end-1 only. Betweenness is a sum over
 * sources, so a host with several cores can give each worker a range and add the arrays, then
 * call normaliseBetweenness: the result equals betweennessCentrality's.
 */
export function betweennessFromSources(
  index: GraphIndex,
  start: number,
  end: number,
  onProgress?: ProgressCallback,
): Float64Array {
  const n = index.order;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start > end)
    throw new RangeError(`Source range ${start}..${end} is not inside 0..${n}.`);
  const { offsets, neighbours } = index;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const pull = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  // The BFS queue doubles as the stack S of Brandes: nodes in order of discovery.
  const order = new Int32Array(n);
  // Successors on the shortest-path DAG of the current source, grouped by the BFS position of
  // their predecessor: those of order[i] are successors[successorsEnd[i - 1] .. successorsEnd[i]).
  const successors = new Int32Array(neighbours.length);
  const successorsEnd = new Int32Array(n);
  const total = end - start;
  const step = Math.max(1, Math.floor(total / 100));

  for (let s = start; s < end; s++) {
    let head = 0;
    let tail = 0;
    let edges = 0;
    order[tail++] = s;
    sigma[s] = 1;
    distance[s] = 0;
    while (head < tail) {
      const v = order[head]!;
      const next = distance[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, stop = offsets[v + 1]!; k < stop; k++) {
        const w = neighbours[k]!;
        const dw = distance[w]!;
        if (dw === -1) {
          distance[w] = next;
          sigma[w] = sv;
          order[tail++] = w;
          successors[edges++] = w;
        } else if (dw === next) {
          sigma[w] = sigma[w]! + sv;
          successors[edges++] = w;
        }
      }
      successorsEnd[head++] = edges;
    }
    // Dependencies, farthest nodes first. Each node pulls from its successors on the
    // shortest-path DAG, recorded during the search, so this pass touches only DAG edges and
    // makes one write per node. pull[w] = (1 + delta(w)) / sigma(w) is final before any
    // predecessor of w reads it, since predecessors come earlier in BFS order.
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i]!;
      let sum = 0;
      for (let k = successorsEnd[i - 1]!, stop = successorsEnd[i]!; k < stop; k++)
        sum += pull[successors[k]!]!;
      const delta = sigma[v]! * sum;
      pull[v] = (1 + delta) / sigma[v]!;
      centrality[v] = centrality[v]! + delta;
    }
    for (let i = 0; i < tail; i++) distance[order[i]!] = -1;
    const done = s + 1 - start;
    if (onProgress !== undefined && (done % step === 0 || done === total))
      onProgress({ stage: 'betweenness', done, total });
  }
  return centrality;
}

/** Scales summed dependencies in place to graphology's normalisation; returns the same array. */
export function normaliseBetweenness(raw: Float64Array): Float64Array {
  const n = raw.length;
  if (n <= 2) return raw.fill(0);
  const scale = 1 / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) raw[i] = raw[i]! * scale;
  return raw;
}
