/**
 * Runs Electronegativity over src/main, src/preload and the renderer's page
 * (src/renderer/index.html, where a meta CSP or inline script would show) (offline: the
 * Electron version is given) and fails on any finding that electronegativity.accepted.json
 * does not explain. A finding is accepted by its check, file and exact location (line:column),
 * so that a second finding of the same check in the same file is not waved through.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Accepted = { check: string; file: string; location: string; reason: string };
type Finding = {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
};

const root = join(import.meta.dirname, '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const accepted = (
  JSON.parse(readFileSync(join(root, 'electronegativity.accepted.json'), 'utf8')) as {
    accepted: Accepted[];
  }
).accepted;

// SARIF, not CSV: the tool's CSV writer can interleave rows, SARIF is written as one document.
const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif');
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const run = spawnSync(
  process.execPath,
  [cli, '-i', join(root, 'src'), '-e', electronVersion, '-r', '-v', 'false', '-o', output],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(`Electronegativity failed to run:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

type Sarif = {
  runs: Array<{
    results: Array<{
      ruleId: string;
      level: string;
      message?: { text?: string };
      locations?: Array<{
        physicalLocation?: {
          artifactLocation?: { uri?: string };
          region?: { startLine?: number; startColumn?: number };
        };
      }>;
    }>;
  }>;
};
const sarif = JSON.parse(readFileSync(output, 'utf8')) as Sarif;
const findings: Finding[] = sarif.runs
  .flatMap((r) => r.results)
  .map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    return {
      check: result.ruleId,
      severity: result.level,
      file: location?.artifactLocation?.uri ?? '',
      location: `${location?.region?.startLine ?? '?'}:${location?.region?.startColumn ?? '?'}`,
      description: result.message?.text ?? '',
    };
  })
  .filter(
    (f) =>
      f.file.startsWith('main/') ||
      f.file.startsWith('preload/') ||
      f.file === 'renderer/index.html',
  );

const matches = (a: Accepted, f: Finding): boolean =>
  a.check === f.check && a.file === f.file && a.location === f.location;
const unexplained = findings.filter((f) => !accepted.some((a) => matches(a, f)));
const stale = accepted.filter((a) => !findings.some((f) => matches(a, f)));

console.log(
  `Electronegativity (Electron ${electronVersion}) over src/main, src/preload and src/renderer/index.html: ${findings.length} finding(s), ${findings.length - unexplained.length} reviewed and accepted.`,
);
for (const f of unexplained) {
  console.error(
    `  UNEXPLAINED ${f.check} (${f.severity}) at ${f.file}:${f.location}: ${f.description}`,
  );
}
for (const a of stale) {
  console.error(
    `  STALE accepted entry ${a.check} for ${a.file}:${a.location}: no such finding there any more; remove or update it.`,
  );
}
process.exit(unexplained.length > 0 || stale.length > 0 ? 1 : 0);
