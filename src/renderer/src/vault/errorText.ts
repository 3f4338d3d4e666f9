import type { TFunction } from 'i18next';
import { KeySlotDamagedError, VaultIntegrityError } from '../../../core/vault';
import { isTranslatableError, type CoreErrorKey, type ErrorParams } from '../../../core/errors';

/**
 * The one function that turns an error into the sentence a person reads, in their language:
 * core's errors carry a key and parameters (src/core/errors.ts), translated from `errors.*`;
 * only an error core did not raise (a bug, a browser failure) shows its own message.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof KeySlotDamagedError) {
    return t(error.where === 'vault' ? 'vault.keySlotDamaged' : 'vault.backupDamaged', {
      reason: error.reason,
    });
  }
  if (error instanceof VaultIntegrityError) {
    return t('vault.integrityFailed', { details: error.params.details });
  }
  if (isTranslatableError(error)) {
    // i18next's types infer each key's variables from the English string, which a key chosen at
    // run time cannot satisfy; tests/unit/renderer/i18n/errors.test.ts checks instead that
    // every key has a sentence in en, km and th naming only parameters core passes.
    const translate = t as unknown as (
      key: `errors.${CoreErrorKey}`,
      params: ErrorParams,
    ) => string;
    return translate(`errors.${error.errorKey}`, error.params);
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unknown', { message });
}
