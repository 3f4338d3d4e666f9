import type { TFunction } from 'i18next';
import { WrongPassphraseError } from '../../../core/vault';

/** The message a person sees for an error: known ones translated, others as core wrote them. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof WrongPassphraseError) return t('vault.wrongPassphrase');
  const message = error instanceof Error ? error.message : String(error);
  return t('common.error', { message });
}
