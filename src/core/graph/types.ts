import type { ErrorParams } from '../errors';
import type {
  EntityId,
  EntityKind,
  InformationCredibility,
  IsoDate,
  LinkId,
  LinkType,
  OfficialPost,
  Role,
  SourceReliability,
} from '../model';

/**
 * The analysis works on plain, structured-clone-safe data (no class instances, no Maps) so that
 * the same call runs on the UI thread, in a Web Worker and in the command line.
 */
export type GraphNode = Readonly<{
  id: EntityId;
  /** Shown in reports; the primary name of the entity. */
  name: string;
  kind: EntityKind;
  roles: readonly Role[];
  /** An official's posts: time-aware exposure keeps only links dated inside them. */
  posts?: readonly OfficialPost[];
}>;

export type GraphEdge = Readonly<{
  id: LinkId;
  source: EntityId;
  target: EntityId;
  type: LinkType;
  directed: boolean;
  from?: IsoDate;
  to?: IsoDate;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  /** The link rests on at least one citation. Of several links joining the same two entities,
   * paths and exposure take a cited one before an uncited one (paths.ts preferredIncident). */
  cited?: boolean;
}>;

export type GraphInput = Readonly<{
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}>;

/** Reported while a long computation runs; `done` counts up to `total` within one stage. */
export type AnalysisProgress = Readonly<{
  stage: AnalysisStage;
  done: number;
  total: number;
}>;

export type AnalysisStage = 'betweenness' | 'pagerank' | 'communities' | 'exposure';

export type ProgressCallback = (progress: AnalysisProgress) => void;

/** One step of a path: which link joins `from` to `to`, so the UI can show its citations. */
export type PathStep = Readonly<{
  from: EntityId;
  to: EntityId;
  linkId: LinkId;
  type: LinkType;
  /** Whether the link runs from `from` to `to` (true), against it (false), or has no direction. */
  direction: 'forward' | 'backward' | 'undirected';
  /** The link's own dates, as recorded. */
  linkFrom?: IsoDate;
  linkTo?: IsoDate;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  /** Present when the link rests on a citation. */
  cited?: true;
  /** Present when other links join the same two entities: how many this step was preferred
   * over (paths.ts preferredIncident). */
  passedOver?: number;
}>;

export type GraphPath = Readonly<{
  /** Entity ids from the start to the end, both included. */
  nodes: readonly EntityId[];
  steps: readonly PathStep[];
  /** See strength.ts for the formula. */
  strength: number;
}>;

export type CentralityRow = Readonly<{
  id: EntityId;
  name: string;
  /** Number of distinct neighbours (parallel links between the same pair count once). */
  degree: number;
  /** Normalised betweenness: share of shortest paths between other pairs passing through. */
  betweenness: number;
  pagerank: number;
}>;

export type ExposedSuspect = Readonly<{
  id: EntityId;
  name: string;
  hops: number;
  path: GraphPath;
}>;

export type OfficialExposure = Readonly<{
  official: EntityId;
  name: string;
  /** True when the official's posts had dates and links outside them were left out. */
  timeAware: boolean;
  /** Strongest first. */
  suspects: readonly ExposedSuspect[];
}>;

export type AnalysisOptions = Readonly<{
  /** Seed for Louvain's random order, so that the same case gives the same rings. Default 1. */
  seed?: number;
  /** Louvain resolution; above 1 gives smaller communities. Default 1. */
  resolution?: number;
  /** Exposure horizon in links. Default 2. */
  maxHops?: number;
  /** Keep only links dated inside the official's posts. Default true. */
  timeAware?: boolean;
  /**
   * Normalised betweenness already computed, one value per input node in input order (e.g.
   * by several workers, see worker.ts); skips the most expensive step.
   */
  betweenness?: readonly number[];
}>;

export type AnalysisResult = Readonly<{
  /** Highest betweenness first. */
  centrality: readonly CentralityRow[];
  /** Largest first; ids sorted inside each community. */
  communities: readonly (readonly EntityId[])[];
  exposure: readonly OfficialExposure[];
}>;

/** Bad input to the analysis: names the offending node or link. */
export class GraphInputError extends Error {
  override readonly name = 'GraphInputError';
  readonly errorKey = 'graph.input';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}
