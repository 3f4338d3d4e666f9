import type { UnlockedVault } from '../vault';

/*
 * An added OCR language is language data, not case material, and is kept outside the vault;
 * its addition and removal are still written to the vault's audit log (with the file's
 * SHA-256), so that a report can say which model read a page.
 */

export async function recordLanguageAdded(
  vault: UnlockedVault,
  added: Readonly<{ code: string; fileName: string; bytes: number; sha256: string }>,
): Promise<void> {
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: 'ocr.languageAdd',
      table: 'settings',
      recordId: added.code,
      summary: `Added OCR language ${added.code} from ${added.fileName} (${added.bytes} bytes, SHA-256 ${added.sha256}).`,
    });
  });
}

export async function recordLanguageRemoved(vault: UnlockedVault, code: string): Promise<void> {
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: 'ocr.languageRemove',
      table: 'settings',
      recordId: code,
      summary: `Removed OCR language ${code} (added from a file).`,
    });
  });
}
