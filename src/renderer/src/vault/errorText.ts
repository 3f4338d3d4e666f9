import type { TFunction } from 'i18next';
import {
  KeySlotDamagedError,
  VaultIntegrityError,
  WrongPassphraseError,
} from '../../../core/vault';

/** The message a person sees for an error: known ones translated, others as core wrote them. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof WrongPassphraseError) return t('vault.wrongPassphrase');
  if (error instanceof KeySlotDamagedError) {
    return t(error.where === 'vault' ? 'vault.keySlotDamaged' : 'vault.backupDamaged', {
      reason: error.reason,
    });
  }
  if (error instanceof VaultIntegrityError) {
    return t('vault.integrityFailed', { details: error.params.details });
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('common.error', { message });
}
