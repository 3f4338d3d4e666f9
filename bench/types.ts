/** What one bench part reports: a readable table and the figures for its JSON line. */
export type BenchResult = Readonly<{
  /** Rows of the readable table: a label and a human-readable value. */
  rows: ReadonlyArray<readonly [label: string, value: string]>;
  /** Figures for the JSON line: times in *_ms, rates in *_per_s or *_mb_s, ratios in *_ratio. */
  figures: Readonly<Record<string, number>>;
}>;

export type BenchPart = Readonly<{ run: () => Promise<BenchResult> }>;
