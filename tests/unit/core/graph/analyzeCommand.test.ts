import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = 'tests/fixtures/ftm/ring.ftm.jsonl';
const scratch = mkdtempSync(join(tmpdir(), 'ringtrace-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'analyze', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Output = {
  centrality: { id: string; name: string; degree: number; betweenness: number; pagerank: number }[];
  communities: string[][];
  exposure: {
    official: string;
    name: string;
    suspects: { id: string; name: string; hops: number; path: string[]; links: string[] }[];
  }[];
};

describe('npm run cli -- analyze', () => {
  it('prints centrality, communities and exposure as JSON with the file’s FtM ids', () => {
    const { code, stdout, stderr } = cli(fixture, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;

    // The broker between the two rings has the highest betweenness.
    expect(out.centrality[0]).toMatchObject({ id: 'broker', name: 'Lim Heng', degree: 5 });
    const b = out.centrality.map((r) => r.betweenness);
    expect(b).toEqual([...b].sort((x, y) => y - x));
    expect(out.centrality.map((r) => r.id).sort()).toEqual(
      [
        'a1',
        'a2',
        'a3',
        'a4',
        'b1',
        'b2',
        'b3',
        'b4',
        'broker',
        'official',
        'immigration',
        'pep',
        'old',
        'acct',
        'van',
      ].sort(),
    );

    // Each ring is one community, the two rings are different ones.
    const communityOf = (id: string) => out.communities.findIndex((c) => c.includes(id));
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map(communityOf)).size).toBe(1);
    expect(new Set(['b1', 'b2', 'b3', 'b4'].map(communityOf)).size).toBe(1);
    expect(communityOf('a1')).not.toBe(communityOf('b1'));

    // The official: paid by the broker and associated with a recruiter during the post; the
    // 2014-2016 associate is outside the post and left out.
    const official = out.exposure.find((e) => e.official === 'official')!;
    expect(official.name).toBe('Chea Rith');
    const suspects = new Map(official.suspects.map((s) => [s.id, s]));
    expect(suspects.get('broker')).toMatchObject({
      hops: 1,
      path: ['official', 'broker'],
      links: ['lo3'],
    });
    expect(suspects.get('a2')).toMatchObject({ hops: 1, path: ['official', 'a2'], links: ['lo2'] });
    expect(suspects.get('a1')).toMatchObject({ hops: 2, path: ['official', 'a2', 'a1'] });
    expect(suspects.has('old')).toBe(false);
    const pep = out.exposure.find((e) => e.official === 'pep')!;
    expect(pep.suspects.map((s) => s.id).sort()).toEqual(['b1', 'b2', 'b3']);

    // Problems in the file are on stderr with line numbers; the rest was analysed.
    expect(stderr).toContain(`${fixture}:16: skipped: entity "broken"`);
    expect(stderr).toContain(`${fixture}:18: skipped: not valid JSON`);
    expect(stderr).toContain(`${fixture}:17: not analysed: "boat" is a Vessel`);
    expect(stderr).toContain(`${fixture}:41: link "lu2" (Membership) left out`);

    // Same file, same answer.
    expect(cli(fixture, '--json').stdout).toBe(stdout);
  });

  it('prints readable tables without --json, and reaches further with --all-dates', () => {
    const { code, stdout } = cli(fixture, '--all-dates');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Centrality \(highest betweenness first\)/);
    expect(stdout).toMatch(/Lim Heng\s+broker\s+5\s+0\.\d{4}/);
    expect(stdout).toContain('Communities');
    expect(stdout).toContain('Keo Samnang: 1 hop'); // dated outside the post, kept with --all-dates
  });

  it('fails with a clear message on a missing file, an empty file, or bad arguments', () => {
    const missing = cli('no/such/file.ftm.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read no/such/file.ftm.json');

    const empty = join(scratch, 'empty.ftm.json');
    writeFileSync(empty, '\n');
    const e = cli(empty, '--json');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('is empty: expected FollowTheMoney JSON lines');
    expect(e.stdout).toBe('');

    const garbage = join(scratch, 'garbage.ftm.json');
    writeFileSync(garbage, 'hello\n{"id": "v", "schema": "Vessel"}\n');
    const g = cli(garbage);
    expect(g.code).toBe(1);
    expect(g.stderr).toContain(':1: skipped: not valid JSON');
    expect(g.stderr).toContain('has no entities Ringtrace can analyse');

    const bad = cli(fixture, '--hops', 'zero');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--hops needs a whole number of at least 1');
    expect(cli().stderr).toContain('No file given.');
  });
});
