export type {
  AnalysisOptions,
  AnalysisProgress,
  AnalysisResult,
  AnalysisStage,
  CentralityRow,
  ExposedSuspect,
  GraphEdge,
  GraphInput,
  GraphNode,
  GraphPath,
  OfficialExposure,
  PathStep,
  ProgressCallback,
} from './types';
export { GraphInputError } from './types';
export { analyzeGraph } from './analyze';
export { listViews, saveView, deleteView, auditExport, type Positions } from './savedViews';
export { graphInputFromCase, displayName } from './fromCase';
export { indexGraph, type GraphIndex } from './graphIndex';
export { betweennessCentrality, betweennessFromSources, normaliseBetweenness } from './betweenness';
export { communities, degrees, pageRanks, ringsOf, seededRandom, toGraphology } from './centrality';
export { officialExposure, SUSPECT_ROLES, type ExposureOptions } from './exposure';
export { shortestPath, type ShortestPathOptions } from './paths';
export { postSpans, linkSpan, withinPosts, type Span } from './dates';
export {
  linkWeight,
  pathStrength,
  RELIABILITY_WEIGHT,
  CREDIBILITY_WEIGHT,
  HOP_DECAY,
} from './strength';
export {
  handleAnalysisMessage,
  installAnalysisWorker,
  type AnalysisRequest,
  type AnalyzeRequest,
  type BetweennessRequest,
  type AnalysisResponse,
  type WorkerScope,
} from './worker';
export {
  AnalysisCancelled,
  PARALLEL_FROM,
  runSplitAnalysis,
  sourceRanges,
  type AnalysisHost,
  type AnalysisRun,
  type AnalysisWorker,
} from './parallel';
export { quickGroups, quickLayout, type Point } from './quickLayout';
export {
  filterReducer,
  filtersOf,
  INITIAL_FILTERS,
  monthOf,
  monthRange,
  rangeNarrowed,
  visibleElements,
  type FilterAction,
  type Filters,
  type FilterState,
  type Visible,
} from './filters';
export { unlinkedRows, type RowOptions, type Unlinked } from './unlinkedRows';
