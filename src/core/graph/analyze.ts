import { betweennessCentrality } from './betweenness';
import { communities, degrees, pageRanks, toGraphology } from './centrality';
import { officialExposure } from './exposure';
import { indexGraph } from './graphIndex';
import {
  GraphInputError,
  type AnalysisOptions,
  type AnalysisResult,
  type CentralityRow,
  type GraphInput,
  type ProgressCallback,
} from './types';

/**
 * The whole analysis of a case in one pure call: plain data in, plain data out, so that the UI
 * can run it in a worker (worker.ts) and the command line in-process.
 */
export function analyzeGraph(
  input: GraphInput,
  options: AnalysisOptions = {},
  onProgress?: ProgressCallback,
): AnalysisResult {
  const index = indexGraph(input);
  const graph = toGraphology(index);
  const degree = degrees(index);
  const given = options.betweenness;
  if (given !== undefined && given.length !== index.order)
    throw new GraphInputError(
      `Precomputed betweenness has ${given.length} values for ${index.order} entities.`,
    );
  const betweenness = given ?? betweennessCentrality(index, onProgress);
  const pagerank = pageRanks(index, graph, onProgress);
  const centrality: CentralityRow[] = input.nodes.map((node, i) => ({
    id: node.id,
    name: node.name,
    degree: degree[i]!,
    betweenness: betweenness[i]!,
    pagerank: pagerank[i]!,
  }));
  centrality.sort(
    (a, b) =>
      b.betweenness - a.betweenness ||
      b.pagerank - a.pagerank ||
      b.degree - a.degree ||
      a.id.localeCompare(b.id),
  );
  return {
    centrality,
    communities: communities(
      index,
      graph,
      {
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.resolution !== undefined ? { resolution: options.resolution } : {}),
      },
      onProgress,
    ),
    exposure: officialExposure(
      index,
      {
        ...(options.maxHops !== undefined ? { maxHops: options.maxHops } : {}),
        ...(options.timeAware !== undefined ? { timeAware: options.timeAware } : {}),
      },
      onProgress,
    ),
  };
}
