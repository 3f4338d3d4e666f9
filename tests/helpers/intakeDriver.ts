import type { Page } from 'playwright-core';

/** Ticks exactly these OCR languages in the intake form (e.g. ['eng', 'tha']). */
export async function chooseLanguages(page: Page, codes: readonly string[]): Promise<void> {
  const boxes = page.locator('[data-testid="intake-languages"] input[type="checkbox"]');
  await boxes.first().waitFor();
  for (const box of await boxes.all()) {
    const code = (await box.getAttribute('data-testid'))?.replace('intake-language-', '') ?? '';
    await box.setChecked(codes.includes(code));
  }
}

export type UploadFile = Readonly<{ name: string; mimeType: string; buffer: Buffer }>;

/**
 * Takes one witness statement in (seized by Det. Sophal Keo from a witness at Poipet), waits
 * until its OCR is done, and opens it in the viewer with its word layer.
 */
export async function takeInAndOpen(
  page: Page,
  file: UploadFile,
  languages: readonly string[] = ['eng'],
): Promise<void> {
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Witness');
  await page.getByTestId('intake-seizedWhere').fill('Poipet police post');
  await chooseLanguages(page, languages);
  await page.getByTestId('intake-files').setInputFiles(file);
  await page.getByTestId('intake-submit').click();
  const row = page.getByTestId('evidence-row').filter({ hasText: file.name });
  await row.locator('[data-testid="job-status"][data-status="done"]').waitFor({ timeout: 120_000 });
  await row.getByTestId('evidence-open').click();
  await page.getByTestId('word-layer').waitFor();
}
