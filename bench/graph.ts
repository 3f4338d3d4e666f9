/**
 * Graph analysis on a generated case of 10,000 entities and 40,000 links, shaped like the real
 * thing: 200 rings of 50 with most links inside a ring, some between rings, and 100 officials
 * with dated posts. Prints betweenness, PageRank, Louvain and exposure times, and our typed-array
 * betweenness against graphology-metrics' on the same graph, and split over worker threads
 * the way the UI can split it over Web Workers (src/core/graph/worker.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import {
  betweennessCentrality,
  betweennessFromSources,
  normaliseBetweenness,
  communities,
  indexGraph,
  officialExposure,
  pageRanks,
  seededRandom,
  toGraphology,
  type GraphEdge,
  type GraphInput,
  type GraphNode,
} from '../src/core/graph';
import type {
  EntityId,
  InformationCredibility,
  LinkId,
  Role,
  SourceReliability,
} from '../src/core/model';
import type { BenchResult } from './types';

const NODES = 10_000;
const LINKS = 40_000;
const RING_SIZE = 50;
const OFFICIALS = 100;
const INSIDE_RING = 0.9;

export function generateCase(seed = 42): GraphInput {
  const rand = seededRandom(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const roles: readonly Role[][] = [['suspect'], ['recruiter'], ['victim'], [], [], ['witness']];
  const nodes: GraphNode[] = Array.from({ length: NODES }, (_, i) => {
    const official = i % (NODES / OFFICIALS) === 0;
    return {
      id: `e${i}` as EntityId,
      name: `Entity ${i}`,
      kind: 'person',
      roles: official ? ['official'] : roles[pick(roles.length)]!,
      ...(official
        ? { posts: [{ agency: 'Police', position: 'Chief', from: '2018-01', to: '2021-12' }] }
        : {}),
    };
  });
  const grades: SourceReliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
  const edges: GraphEdge[] = [];
  for (let k = 0; k < LINKS; k++) {
    const s = pick(NODES);
    const ring = Math.floor(s / RING_SIZE);
    let t = rand() < INSIDE_RING ? ring * RING_SIZE + pick(RING_SIZE) : pick(NODES);
    if (t === s) t = (s + 1) % NODES;
    const year = 2015 + pick(10);
    edges.push({
      id: `l${k}` as LinkId,
      source: `e${s}` as EntityId,
      target: `e${t}` as EntityId,
      type: 'associate',
      directed: false,
      from: `${year}-0${1 + pick(9)}`,
      reliability: grades[pick(6)]!,
      credibility: (1 + pick(6)) as InformationCredibility,
    });
  }
  return { nodes, edges };
}

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

/** CPU time of this process: on a shared machine, wall time also counts other people's work. */
function cpuTime<T>(f: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const [value, wall] = time(f);
  const used = process.cpuUsage(cpu);
  return [value, wall, (used.user + used.system) / 1000];
}

type WorkerJob = Readonly<{ graphBenchWorker: true }>;

// This file is also the worker's entry: each worker builds the same generated case (cheaper than
// copying it), says it is ready, then computes the source range it is sent.
if (!isMainThread && (workerData as WorkerJob | null)?.graphBenchWorker === true) {
  const port = parentPort!;
  const index = indexGraph(generateCase());
  port.once('message', ({ start, end }: { start: number; end: number }) => {
    const sums = betweennessFromSources(index, start, end);
    // A Float64Array made here always owns a plain ArrayBuffer, never a shared one.
    port.postMessage(sums, [sums.buffer as ArrayBuffer]);
  });
  port.postMessage('ready');
}

/** Wall time of betweenness split over `count` threads, counted from when all are ready. */
async function parallelBetweenness(count: number): Promise<[Float64Array, number]> {
  const job: WorkerJob = { graphBenchWorker: true };
  // Workers do not inherit tsx's loader hooks, so a small JavaScript entry registers them and
  // then loads this file.
  const entry = `import('tsx/esm/api').then(({ register }) => {
    register();
    return import(${JSON.stringify(import.meta.url)});
  });`;
  const workers = Array.from(
    { length: count },
    () => new Worker(entry, { eval: true, workerData: job }),
  );
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const start = performance.now();
    const parts = await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<Float64Array>((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage({
              start: Math.floor((i * NODES) / count),
              end: Math.floor(((i + 1) * NODES) / count),
            });
          }),
      ),
    );
    const total = new Float64Array(NODES);
    for (const part of parts) for (let i = 0; i < NODES; i++) total[i] = total[i]! + part[i]!;
    return [normaliseBetweenness(total), performance.now() - start];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function run(): Promise<BenchResult> {
  const input = generateCase();
  const [index, indexMs] = time(() => indexGraph(input));
  const graph = toGraphology(index);
  const [exact, betweennessMs, betweennessCpuMs] = cpuTime(() => betweennessCentrality(index));
  const threads = Math.max(2, availableParallelism());
  const [split, parallelMs] = await parallelBetweenness(threads);
  const agree = exact.every((v, i) => Math.abs(v - split[i]!) < 1e-12);
  if (!agree)
    throw new Error('Betweenness split over threads differs from the single-thread result.');
  const [, graphologyMs, graphologyCpuMs] = cpuTime(() =>
    graphologyBetweenness(graph, { getEdgeWeight: null }),
  );
  const [, pagerankMs] = time(() => pageRanks(index, graph));
  const [rings, louvainMs] = time(() => communities(index, graph, { seed: 1 }));
  const [exposure, exposureMs] = time(() => officialExposure(index));
  const exposed = exposure.reduce((s, e) => s + e.suspects.length, 0);
  return {
    rows: [
      ['graph', `${NODES} entities, ${LINKS} links, ${OFFICIALS} officials`],
      ['index', `${indexMs.toFixed(0)} ms`],
      // The app splits betweenness over its workers the same way (analysisClient.ts), so the
      // split wall time is the figure a user waits for; one thread is kept for comparison.
      [
        `betweenness (exact, split over ${threads} threads, as the app)`,
        `${parallelMs.toFixed(0)} ms`,
      ],
      [
        'betweenness (exact, single thread)',
        `${betweennessMs.toFixed(0)} ms (${betweennessCpuMs.toFixed(0)} ms CPU)`,
      ],
      [
        'betweenness (graphology-metrics)',
        `${graphologyMs.toFixed(0)} ms (${graphologyCpuMs.toFixed(0)} ms CPU)`,
      ],
      ['pagerank', `${pagerankMs.toFixed(0)} ms`],
      ['louvain', `${louvainMs.toFixed(0)} ms (${rings.length} communities)`],
      ['exposure (2 hops, time-aware)', `${exposureMs.toFixed(0)} ms (${exposed} suspects)`],
    ],
    figures: {
      index_ms: Math.round(indexMs),
      betweenness_ms: Math.round(parallelMs),
      betweenness_single_thread_ms: Math.round(betweennessMs),
      betweenness_cpu_ms: Math.round(betweennessCpuMs),
      betweenness_parallel_ms: Math.round(parallelMs),
      betweenness_threads: threads,
      graphology_betweenness_ms: Math.round(graphologyMs),
      graphology_betweenness_cpu_ms: Math.round(graphologyCpuMs),
      betweenness_vs_graphology_ratio: Number((betweennessCpuMs / graphologyCpuMs).toFixed(3)),
      pagerank_ms: Math.round(pagerankMs),
      louvain_ms: Math.round(louvainMs),
      exposure_ms: Math.round(exposureMs),
    },
  };
}
