/**
 * Match-only exchange: both agencies hold one shared secret key (made by one, handed to the
 * other out of band). A package carries only HMAC-SHA-256 values of normalised identifiers
 * under that key: document numbers, and each romanisation of each name together with the
 * birth year. Without the key the values reveal nothing; with it, each side learns which of
 * its own records share an identifier with the other's, and nothing about the rest.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { nameKeys } from '../names';
import { normalizeDocumentNumber } from '../vault';
import { toHex, utf8 } from './encoding';
import { ExchangeError } from './errors';

export const MATCH_KEY_BYTES = 32;

export function newMatchKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(MATCH_KEY_BYTES));
}

/** 64 hex digits in groups of four, to be read out or handed over on paper. */
export function formatMatchKey(key: Uint8Array): string {
  return toHex(key).toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
}

export function parseMatchKey(text: string): Uint8Array {
  const hex = text.replace(/[\s-]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new ExchangeError(
      'badMatchKey',
      `A shared exchange key is 64 hexadecimal digits (0-9, A-F); this has ${hex.length} characters${/[^0-9a-fA-F]/.test(hex) ? ' and other characters' : ''}.`,
    );
  }
  const out = new Uint8Array(MATCH_KEY_BYTES);
  for (let i = 0; i < MATCH_KEY_BYTES; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** What identifies a person for match-only: names (any script), birth year, document numbers. */
export type MatchIdentity = Readonly<{
  names: readonly string[];
  birthYear?: number;
  documents: readonly string[];
}>;

/** The normalised identifiers, before hashing: kept apart so tests can check them. */
export function matchIdentifiers(identity: MatchIdentity): string[] {
  const out = new Set<string>();
  for (const d of identity.documents) {
    try {
      out.add(`doc\u0000${normalizeDocumentNumber(d)}`);
    } catch {
      // An empty document number identifies nothing.
    }
  }
  if (identity.birthYear !== undefined) {
    for (const name of identity.names) {
      for (const key of nameKeys(name)) out.add(`name\u0000${key}\u0000${identity.birthYear}`);
    }
  }
  return [...out];
}

export function keyedHashes(key: Uint8Array, identity: MatchIdentity): string[] {
  return matchIdentifiers(identity).map((id) => toHex(hmac(sha256, key, utf8(id))));
}

/** What kind of identifier a matching hash stood for, from the local side's own identifiers. */
export function identifierKinds(
  key: Uint8Array,
  identity: MatchIdentity,
  hashes: ReadonlySet<string>,
): { documents: number; names: number } {
  let documents = 0;
  let names = 0;
  for (const id of matchIdentifiers(identity)) {
    if (!hashes.has(toHex(hmac(sha256, key, utf8(id))))) continue;
    if (id.startsWith('doc')) documents++;
    else names++;
  }
  return { documents, names };
}
