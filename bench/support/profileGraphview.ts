/**
 * Where the network view's first draw goes: the graphview bench's case, opened once more with
 * Chromium's sampling profiler running until the complete draw, and the profile summarised by
 * function (self and total time; with a build made with --sourcemap, by source file and line)
 * and by the view's own performance.measure phases (network:prepare, build, mount, first-frame,
 * links-frame). CALLERS=fnA,fnB also lists who calls those functions. Run:
 *   RINGTRACE_OUT=out-graphview-prof npx electron-vite build --sourcemap
 *   RINGTRACE_OUT=out-graphview-prof RINGTRACE_SKIP_BUILD=1 npx tsx bench/support/profileGraphview.ts
 * The raw profile goes to $PROFILE_OUT (default /tmp/graphview.cpuprofile), which Chromium's
 * DevTools performance panel opens.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { previewGeneratedImport } from '../graphview';
import { openBenchApp } from './browserApp';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type Profile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

async function main(): Promise<void> {
  const step = (what: string): void => console.error(`  [profile] ${what}`);
  const { page, dir, close } = await openBenchApp({
    name: 'graphview',
    caseReference: 'PROFILE-5000',
    caseTitle: 'Generated rings',
    step,
  });
  try {
    await previewGeneratedImport(page, dir);
    await page.getByTestId('ftm-confirm').click();
    await page.getByTestId('ftm-dialog').waitFor({ state: 'detached', timeout: 300_000 });
    await page.waitForSelector('[data-testid="network-canvas"][data-draw-ms]', {
      timeout: 300_000,
    });
    step('imported and drawn');
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('view-cases').waitFor();
    await page.waitForTimeout(1500);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.evaluate(() => performance.clearMeasures());
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByTestId('nav-network').click();
    await page.waitForSelector('[data-testid="network-canvas"][data-complete-ms]', {
      timeout: 300_000,
    });
    const wall = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const drawMs = await page.getByTestId('network-canvas').getAttribute('data-draw-ms');
    const completeMs = await page.getByTestId('network-canvas').getAttribute('data-complete-ms');
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .map((m) => ({ name: m.name, start: Math.round(m.startTime), ms: Math.round(m.duration) })),
    );
    writeFileSync(
      process.env['PROFILE_OUT'] ?? '/tmp/graphview.cpuprofile',
      JSON.stringify(profile),
    );
    console.log(`first draw ${drawMs} ms, complete ${completeMs} ms, click to complete ${wall} ms`);
    console.log('measures:', JSON.stringify(measures, null, 1));

    // Self time per function, and inclusive time of a few functions of interest.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    // With a build made with --sourcemap, frames are named by their source file and line.
    const out = join(
      import.meta.dirname,
      '..',
      '..',
      process.env['RINGTRACE_OUT'] ?? 'out-graphview',
    );
    const maps = new Map<string, TraceMap | null>();
    const mapOf = (url: string): TraceMap | null => {
      const file = url.split('/').pop() ?? '';
      if (!maps.has(file)) {
        const path = join(out, 'renderer', 'assets', `${file}.map`);
        maps.set(file, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
      }
      return maps.get(file) ?? null;
    };
    const key = (n: ProfileNode): string => {
      const f = n.callFrame;
      const map = f.url === '' ? null : mapOf(f.url);
      if (map !== null) {
        const o = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
        if (o.source !== null)
          return `${o.name ?? f.functionName ?? '(anon)'} ${o.source.replace(/^.*node_modules\//, '')}:${o.line}`;
      }
      return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    };
    const selfBy = new Map<string, number>();
    const totalBy = new Map<string, number>();
    for (const [id, ms] of self) {
      const n = byId.get(id)!;
      selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const k = key(byId.get(cur)!);
        if (seen.has(k)) continue;
        seen.add(k);
        totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
      }
    }
    const top = (m: Map<string, number>, count: number): string =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`)
        .join('\n');
    console.log(`\nprofile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`);
    console.log('\n== self ==\n' + top(selfBy, 40));
    console.log('\n== total ==\n' + top(totalBy, 70));
    // Who calls the functions named in $CALLERS (comma-separated), two levels up, by self time.
    for (const name of (process.env['CALLERS'] ?? '').split(',').filter((x) => x !== '')) {
      const chains = new Map<string, number>();
      for (const [id, ms] of self) {
        let cur: number | undefined = id;
        while (cur !== undefined && !key(byId.get(cur)!).startsWith(name + ' '))
          cur = parent.get(cur);
        if (cur === undefined) continue;
        const chain: string[] = [];
        for (let up = parent.get(cur), i = 0; up !== undefined && i < 4; up = parent.get(up), i++)
          chain.push(key(byId.get(up)!).replace(/cytoscape\/dist\/cytoscape.esm.mjs/, 'cy'));
        const k = chain.join(' < ');
        chains.set(k, (chains.get(k) ?? 0) + ms);
      }
      console.log(`\n== under ${name}, called from ==\n` + top(chains, 12));
    }
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
