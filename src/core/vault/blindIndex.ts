import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { BlindToken } from '../db';
import { toHex, utf8 } from './bytes';
import { InvalidVaultInputError } from './errors';
import type { KeyRing } from './keys';

/**
 * Normalisers: the same real-world value typed in different ways must give the same string,
 * or the blind index (which only matches exactly) will miss it.
 */

/**
 * A phone number in E.164 ("+85512345678"). Local numbers need the region they were written
 * in ("012 345 678" in Cambodia); without one, only numbers with a country code normalise to
 * E.164 and anything else keeps its digits, so that it still matches itself.
 */
export function normalizePhone(value: string, defaultRegion?: CountryCode): string {
  const trimmed = value.normalize('NFKC').trim();
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (parsed?.isPossible()) return parsed.number;
  const digits = trimmed.replace(/^00/, '+').replace(/[^\d+]/g, '');
  const normal = digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits;
  if (normal.replace('+', '').length < 3) {
    throw new InvalidVaultInputError(`"${value}" is not a phone number.`);
  }
  return normal;
}

/** Passport, ID card or licence number: case, spaces and separators do not count. */
export function normalizeDocumentNumber(value: string): string {
  const normal = value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-./\\_]/g, '');
  if (normal.length === 0) throw new InvalidVaultInputError('A document number is empty.');
  return normal;
}

/**
 * A person's or organisation's name: case, punctuation, Latin accents and the order of its
 * parts do not count. Order is dropped because the same person is written family-name-first
 * in Khmer documents and given-name-first in many foreign ones ("Sok Dara" / "Dara Sok").
 * Only Latin combining accents are removed: Thai and Khmer vowel signs are letters.
 */
export function normalizeName(value: string): string {
  const parts = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s+/u)
    .filter((p) => p.length > 0)
    .sort();
  if (parts.length === 0) throw new InvalidVaultInputError('A name is empty.');
  return parts.join(' ');
}

/** A SHA-256 digest in lower-case hex, whatever its spacing or case. */
export function normalizeSha256(value: string): string {
  const normal = value.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normal)) {
    throw new InvalidVaultInputError(`"${value}" is not a SHA-256 digest (64 hex digits).`);
  }
  return normal;
}

export const BLIND_INDEX_KINDS = ['phone', 'document', 'name', 'sha256'] as const;
export type BlindIndexKind = (typeof BLIND_INDEX_KINDS)[number];

export type BlindIndex = Readonly<{
  /** Token of an already-normalised value of a kind. */
  token: (kind: BlindIndexKind, normalized: string) => BlindToken;
  phone: (value: string, defaultRegion?: CountryCode) => BlindToken;
  document: (value: string) => BlindToken;
  name: (value: string) => BlindToken;
  sha256: (value: string) => BlindToken;
}>;

/**
 * HMAC-SHA-256 under the blind-index key (HKDF of the data key), truncated to 128 bits: enough
 * that two different values never collide in a vault, short enough for a compact index. The
 * kind is part of the message, so a phone number and a document number with the same digits
 * give unrelated tokens.
 */
export function createBlindIndex(ring: KeyRing): BlindIndex {
  const token = (kind: BlindIndexKind, normalized: string): BlindToken => {
    const mac = hmac(sha256, ring.key('blindIndex'), utf8(`${kind}\u0000${normalized}`));
    return toHex(mac.subarray(0, 16)) as BlindToken;
  };
  return Object.freeze({
    token,
    phone: (value: string, region?: CountryCode) => token('phone', normalizePhone(value, region)),
    document: (value: string) => token('document', normalizeDocumentNumber(value)),
    name: (value: string) => token('name', normalizeName(value)),
    sha256: (value: string) => token('sha256', normalizeSha256(value)),
  });
}
