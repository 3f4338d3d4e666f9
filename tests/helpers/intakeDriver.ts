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
