/** `npm run cli -- extract --json` on a police statement: the kinds and an official's post. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');

describe('extract --json', () => {
  it('reports people, organisations and places, and an official with the post', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringtrace-extract-cli-'));
    const file = join(dir, 'statement.txt');
    writeFileSync(
      file,
      'Labour Minister Heng Sour met officers of the Ministry of Interior in Poipet.\n',
      'utf8',
    );
    const { stdout } = await run('npx', ['tsx', 'src/cli/index.ts', 'extract', '--json', file], {
      cwd: root,
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['kind'], l['value']])).toEqual([
      ['person', 'Heng Sour'],
      ['organization', 'Ministry of Interior'],
      ['place', 'Poipet'],
    ]);
    expect(lines[0]?.['post']).toEqual({
      position: 'Minister',
      agency: 'Labour',
      start: 0,
      end: 15,
    });
    expect(lines[2]?.['normalized']).toBe('KH:Banteay Meanchey:Poipet');
  }, 60_000);
});
