/** CSV import through the real UI: mapping guessed, preview shown, malformed rows reported. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';

test('imports call records with a malformed row and reports it by line number', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-CDR', title: 'Call records' });
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-csv-'));
  const file = join(dir, 'smart-cdr.csv');
  writeFileSync(
    file,
    [
      'Calling Number,Called Number,Start Time,Duration,Cell ID',
      '012 345 678,+66812345678,2026-01-05 10:00:00,60,PP-01',
      '+85512345678,+66812345678,2026-01-06 11:00:00,1:30,PP-01',
      '+85512345678,"+66 81 234 5678"x,2026-01-07 11:00:00,10,PP-02',
      '+66812345678,+85512345678,2026-01-08 09:00:00,20,BK-07',
      '',
    ].join('\r\n'),
  );
  await page.getByTestId('nav-exchange').click();
  await page.getByTestId('csv-import-panel').waitFor();
  await page.getByTestId('csv-file').setInputFiles(file);
  await page.getByTestId('csv-preview').waitFor();
  expect(await page.getByTestId('csv-map-caller').inputValue()).toBe('Calling Number');
  expect(await page.getByTestId('csv-map-receiver').inputValue()).toBe('Called Number');
  expect(await page.getByTestId('csv-map-start').inputValue()).toBe('Start Time');
  await page.getByTestId('csv-mapping-name').fill('Smart Axiata CDR');
  await page.getByTestId('csv-save-mapping').click();
  await page.getByTestId('csv-message').waitFor();
  await page.getByTestId('csv-import').click();
  const done = page.getByTestId('csv-done');
  await done.waitFor({ timeout: 30_000 });
  expect(await done.textContent()).toContain('Imported 3 of 4 rows from smart-cdr.csv');
  expect(await done.textContent()).toContain('2 new and 0 existing phones, 2 links');
  const problems = page.getByTestId('csv-problem');
  expect(await problems.count()).toBe(1);
  expect(await problems.first().textContent()).toBe(
    'Line 4: text follows a closing quote in the same field',
  );
});
