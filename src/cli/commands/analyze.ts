/**
 * `npm run cli -- analyze FILE.ftm.json [--json] [--hops N] [--seed N] [--all-dates]`
 *
 * Imports a FollowTheMoney JSON-lines file and prints who brokers (centrality), which rings
 * exist (communities) and what each official is exposed to. Ids in the output are the FtM ids
 * of the file. Problems with the file go to stderr; the rest is analysed.
 */
import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../command';
import { importFtm } from '../../core/ftm';
import { analyzeGraph, graphInputFromCase, type AnalysisResult } from '../../core/graph';
import { newId, type CaseId, type EntityId } from '../../core/model';

const USAGE =
  'Usage: npm run cli -- analyze FILE.ftm.json [--json] [--hops N] [--seed N] [--all-dates]';

type Options = { file: string; json: boolean; hops: number; seed: number; timeAware: boolean };

function parseArgs(argv: readonly string[]): Options | string {
  let file: string | undefined;
  const options = { json: false, hops: 2, seed: 1, timeAware: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--all-dates') options.timeAware = false;
    else if (arg === '--hops' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < (arg === '--hops' ? 1 : 0))
        return `${arg} needs a whole number${arg === '--hops' ? ' of at least 1' : ''}.`;
      if (arg === '--hops') options.hops = value;
      else options.seed = value;
    } else if (arg.startsWith('-')) return `Unknown option "${arg}".`;
    else if (file === undefined) file = arg;
    else return `Only one file can be analysed, got "${file}" and "${arg}".`;
  }
  if (file === undefined) return 'No file given.';
  return { file, ...options };
}

type Output = {
  centrality: { id: string; name: string; degree: number; betweenness: number; pagerank: number }[];
  communities: string[][];
  exposure: {
    official: string;
    name: string;
    suspects: {
      id: string;
      name: string;
      hops: number;
      /** Entity ids from the official to the suspect. */
      path: string[];
      /** Link ids of each step, for the evidence behind it. */
      links: string[];
      /** See src/core/graph/strength.ts. */
      strength: number;
    }[];
  }[];
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ringtrace ids are fresh random UUIDs on every import, so ties that the analysis breaks by id
 * are broken again here by FtM id: the same file gives the same output, run after run.
 */
function stableOrder(out: Output): Output {
  const communities = out.communities
    .map((c) => [...c].sort(byId))
    .sort((a, b) => b.length - a.length || byId(a[0]!, b[0]!));
  const centrality = [...out.centrality].sort(
    (a, b) =>
      b.betweenness - a.betweenness ||
      b.pagerank - a.pagerank ||
      b.degree - a.degree ||
      byId(a.id, b.id),
  );
  const exposure = out.exposure
    .map((e) => ({
      ...e,
      suspects: [...e.suspects].sort(
        (a, b) => b.strength - a.strength || a.hops - b.hops || byId(a.id, b.id),
      ),
    }))
    .sort((a, b) => byId(a.official, b.official));
  return { centrality, communities, exposure };
}

function toOutput(
  result: AnalysisResult,
  ftmIdOf: (id: EntityId) => string,
  linkIdOf: (id: string) => string,
): Output {
  return {
    centrality: result.centrality.map((r) => ({
      id: ftmIdOf(r.id),
      name: r.name,
      degree: r.degree,
      betweenness: r.betweenness,
      pagerank: r.pagerank,
    })),
    communities: result.communities.map((c) => c.map(ftmIdOf)),
    exposure: result.exposure.map((e) => ({
      official: ftmIdOf(e.official),
      name: e.name,
      suspects: e.suspects.map((s) => ({
        id: ftmIdOf(s.id),
        name: s.name,
        hops: s.hops,
        strength: s.path.strength,
        path: s.path.nodes.map(ftmIdOf),
        links: s.path.steps.map((step) => linkIdOf(step.linkId)),
      })),
    })),
  };
}

/** Columns a string takes in a terminal: Thai and Khmer vowel and tone marks take none. */
function width(text: string): number {
  return [...text.replace(/\p{M}/gu, '')].length;
}

function pad(text: string, to: number, left: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return left ? text + fill : fill + text;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => width(r[i]!))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => pad(c, widths[i]!, i === 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function readable(out: Output, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const parts = [
    'Centrality (highest betweenness first)',
    table(
      ['name', 'id', 'degree', 'betweenness', 'pagerank'],
      out.centrality.map((r) => [
        r.name,
        r.id,
        String(r.degree),
        r.betweenness.toFixed(4),
        r.pagerank.toFixed(4),
      ]),
    ),
    '',
    'Communities',
    ...out.communities.map((c, i) => `  ${i + 1}. ${c.map(name).join(', ')}`),
    '',
    'Official exposure (strongest first)',
  ];
  if (out.exposure.length === 0) parts.push('  No officials in this file.');
  for (const e of out.exposure) {
    parts.push(`  ${e.name} (${e.official})`);
    if (e.suspects.length === 0) parts.push('    no suspects within reach');
    for (const s of e.suspects)
      parts.push(
        `    ${s.name}: ${s.hops} hop${s.hops === 1 ? '' : 's'}  ${s.path.map(name).join(' -> ')}`,
      );
  }
  return parts.join('\n');
}

export const command: CliCommand = {
  summary: 'Centrality, communities and official exposure of a FollowTheMoney file',
  async run(argv) {
    const options = parseArgs(argv);
    if (typeof options === 'string') {
      console.error(`${options}\n${USAGE}`);
      return 2;
    }
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (error) {
      console.error(
        `Cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 1;
    }
    const imported = importFtm(text, { caseId: newId<CaseId>() });
    const { report } = imported;
    for (const m of report.malformed)
      console.error(`${options.file}:${m.line}: skipped: ${m.message}`);
    for (const u of report.unmapped)
      console.error(
        `${options.file}:${u.line}: not analysed: "${u.id}" is a ${u.schema}, which is not imported`,
      );
    for (const u of report.unresolved)
      console.error(
        `${options.file}:${u.line}: link "${u.id}" (${u.schema}) left out: ${u.problems.join('; ')}`,
      );
    for (const w of report.warnings)
      console.error(`${options.file}:${w.line}: "${w.id}" ${w.message}`);
    if (imported.entities.length === 0) {
      console.error(
        report.lines === 0
          ? `${options.file} is empty: expected FollowTheMoney JSON lines.`
          : `${options.file} has no entities Ringtrace can analyse.`,
      );
      return 1;
    }

    const ftmIds = new Map<string, string>();
    for (const [ftmId, id] of imported.entityIds) ftmIds.set(id, ftmId);
    for (const [ftmId, id] of imported.linkIds) ftmIds.set(id, ftmId);
    const ftmIdOf = (id: string) => ftmIds.get(id) ?? id;
    const result = analyzeGraph(graphInputFromCase(imported.entities, imported.links), {
      maxHops: options.hops,
      seed: options.seed,
      timeAware: options.timeAware,
    });
    const out = stableOrder(toOutput(result, ftmIdOf, ftmIdOf));
    if (options.json) console.log(JSON.stringify(out));
    else {
      const names = new Map(out.centrality.map((r) => [r.id, r.name]));
      console.log(readable(out, names));
    }
    return 0;
  },
};
