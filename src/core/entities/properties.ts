import type { EntityKind } from '../model';

/**
 * The property keys each kind of entity is edited with. They follow FollowTheMoney's property
 * names (UserAccount.number, BankAccount.accountNumber/iban, Passport.passportNumber,
 * Vehicle.registrationNumber...) so that FtM export and import keep them without a mapping.
 */
export const KIND_PROPERTIES: Readonly<Record<EntityKind, readonly string[]>> = {
  person: ['birthDate', 'nationality', 'gender', 'phone', 'email'],
  organization: ['jurisdiction', 'registrationNumber', 'address'],
  phone: ['number', 'carrier'],
  bankAccount: ['accountNumber', 'iban', 'bankName', 'currency'],
  vehicle: ['registrationNumber', 'model', 'color'],
  address: ['full', 'city', 'country'],
  identityDocument: ['number', 'type', 'country', 'issueDate', 'expiryDate'],
  onlineAccount: ['username', 'service', 'email'],
};

/** Property keys holding a phone number, whatever the entity's kind. */
export const PHONE_PROPERTIES: readonly string[] = ['phone'];

/**
 * Property keys holding a document-like number (passport, ID card, account, IBAN, plate),
 * found exactly through the blind index. `number` is a phone number on a phone entity and a
 * document number on an identity document, so it is interpreted by kind.
 */
export const DOCUMENT_PROPERTIES: readonly string[] = [
  'passportNumber',
  'idNumber',
  'accountNumber',
  'iban',
  'registrationNumber',
];

/**
 * Entity.properties holds one string per key; FtM-imported entities store several values as
 * a JSON array (src/core/ftm/values.ts). Read either form, so imported numbers are indexed too.
 */
export function propertyValues(stored: string | undefined): string[] {
  if (stored === undefined) return [];
  if (stored.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string'))
        return parsed.filter((v) => v.trim() !== '');
    } catch {
      // Not JSON: a value that happens to begin with "[" is one value.
    }
  }
  return stored.trim() === '' ? [] : [stored];
}
