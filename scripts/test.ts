/**
 * `npm test`: typecheck, lint (with Electronegativity), format check, unit tests, end-to-end
 * tests, in that order. Every step runs even after a failure so that one run shows everything
 * that is wrong; the exit code is non-zero if any step failed. Ends with the totals of unit and
 * end-to-end tests as one plain line, "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const unitReport = join(results, 'unit.json');
const e2eReport = join(results, 'e2e.json');
rmSync(unitReport, { force: true });
rmSync(e2eReport, { force: true });

const steps: Array<[name: string, command: string, args: string[]]> = [
  ['typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  ['eslint', bin('eslint'), ['--max-warnings=0', '.']],
  ['electronegativity', bin('tsx'), ['scripts/electronegativity.ts']],
  ['prettier', bin('prettier'), ['--check', '.']],
  [
    'unit tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${unitReport}`,
    ],
  ],
  [
    'end-to-end tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eReport}`,
    ],
  ],
];

type Report = { numPassedTests: number; numFailedTests: number; numTotalTests: number };

function readReport(path: string): Report | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Report) : null;
}

const failed: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed.push(name);
    console.log(`✗ ${name} failed (${seconds} s)`);
  } else {
    console.log(`✓ ${name} (${seconds} s)`);
  }
}

const unit = readReport(unitReport);
const e2e = readReport(e2eReport);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.numPassedTests ?? 0);
let failedTests = (unit?.numFailedTests ?? 0) + (e2e?.numFailedTests ?? 0);
// A runner that crashed before reporting counts as a failure, never as zero tests failed.
if (unit === null) failedTests += 1;
if (e2e === null) failedTests += 1;

console.log('');
console.log(
  `unit: ${unit?.numPassedTests ?? 0} passed, ${unit?.numFailedTests ?? 'no report'} failed; end-to-end: ${e2e?.numPassedTests ?? 0} passed, ${e2e?.numFailedTests ?? 'no report'} failed`,
);
if (failed.length > 0) console.log(`Failed steps: ${failed.join(', ')}`);
console.log(`${passed} passed, ${failedTests} failed`);
process.exit(failed.length > 0 ? 1 : 0);
