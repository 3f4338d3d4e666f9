/**
 * The exchange file formats, as pure functions: the public key file a partner imports, and
 * the signed package (full records encrypted to one partner, or keyed hashes only).
 *
 * Full package: a fresh X25519 key pair per package; HKDF-SHA-256 over the shared secret (salt:
 * both public keys) gives a one-time XChaCha20-Poly1305 key. Its 192-bit random nonce needs no
 * counter, and the associated data binds the ciphertext to the package id, sender and
 * recipient. The whole body (ciphertext included) is then signed with the sender's Ed25519 key,
 * so the recipient checks who sent it, against the key it confirmed out of band, before
 * decrypting anything.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { ExchangeKeyRow, ExchangeRecord, PartnerRow } from '../db';
import {
  canonicalJson,
  concat,
  equalBytes,
  fromBase64,
  fromUtf8,
  keyFingerprint,
  toBase64,
  utf8,
} from './encoding';
import { ExchangeError } from './errors';
import { checkExchangeRecord } from './records';

export const KEY_FILE_FORMAT = 'ringtrace-exchange-key';
export const PACKAGE_FORMAT = 'ringtrace-exchange-package';
const SIGNATURE_CONTEXT = 'ringtrace/exchange-package/v1\u0000';
const HKDF_INFO = 'ringtrace/exchange-package/v1/xchacha20poly1305';

export type PublicKeyFile = Readonly<{
  agency: string;
  x25519PublicKey: Uint8Array;
  ed25519PublicKey: Uint8Array;
  fingerprint: string;
}>;

export function newExchangeKeyRow(agency: string): ExchangeKeyRow {
  const enc = x25519.keygen();
  const sig = ed25519.keygen();
  return {
    id: 'exchangeKey',
    agency,
    x25519SecretKey: enc.secretKey,
    x25519PublicKey: enc.publicKey,
    ed25519SecretKey: sig.secretKey,
    ed25519PublicKey: sig.publicKey,
    createdAt: new Date().toISOString(),
  };
}

export function encodePublicKeyFile(key: ExchangeKeyRow): Uint8Array {
  return utf8(
    `${JSON.stringify(
      {
        format: KEY_FILE_FORMAT,
        version: 1,
        agency: key.agency,
        x25519: toBase64(key.x25519PublicKey),
        ed25519: toBase64(key.ed25519PublicKey),
      },
      null,
      2,
    )}\n`,
  );
}

export function parsePublicKeyFile(bytes: Uint8Array): PublicKeyFile {
  const bad = (why: string): never => {
    throw new ExchangeError('badKeyFile', `This is not a Ringtrace exchange key file: ${why}.`);
  };
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes));
  } catch {
    return bad('it is not JSON text');
  }
  const o = (json ?? {}) as Record<string, unknown>;
  if (o['format'] !== KEY_FILE_FORMAT) bad('its format is missing or different');
  if (o['version'] !== 1) bad(`version ${String(o['version'])} is not supported`);
  if (typeof o['agency'] !== 'string' || o['agency'].trim() === '') bad('it names no agency');
  let x: Uint8Array;
  let e: Uint8Array;
  try {
    x = fromBase64(o['x25519']);
    e = fromBase64(o['ed25519']);
  } catch {
    return bad('a key is not base64');
  }
  if (x.length !== 32 || e.length !== 32) bad('a key has the wrong length');
  try {
    ed25519.Point.fromBytes(e);
  } catch {
    bad('the signing key is not a valid Ed25519 key');
  }
  return {
    agency: (o['agency'] as string).trim(),
    x25519PublicKey: x,
    ed25519PublicKey: e,
    fingerprint: keyFingerprint(x, e),
  };
}

export function ownFingerprint(key: ExchangeKeyRow): string {
  return keyFingerprint(key.x25519PublicKey, key.ed25519PublicKey);
}

/** A hash entry of a match-only package: one record's keyed identifiers. */
export type MatchEntry = Readonly<{ ref: string; hashes: readonly string[] }>;

export type PackageBody =
  | Readonly<{
      mode: 'full';
      packageId: string;
      createdAt: string;
      sender: Readonly<{ agency: string; fingerprint: string }>;
      recipient: string;
      ephemeral: string;
      nonce: string;
      ciphertext: string;
    }>
  | Readonly<{
      mode: 'match';
      packageId: string;
      createdAt: string;
      sender: Readonly<{ agency: string; fingerprint: string }>;
      recipient: string;
      /** Identifies the shared key (a hash of it), so a wrong key is named, not guessed. */
      keyId: string;
      entries: readonly MatchEntry[];
    }>;

type Recipient = Pick<PartnerRow, 'x25519PublicKey' | 'ed25519PublicKey'>;

function packageKey(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concat(ephemeral, recipient), utf8(HKDF_INFO), 32);
}

function aadOf(
  body: Readonly<{ packageId: string; recipient: string; sender: { fingerprint: string } }>,
): Uint8Array {
  return utf8(
    `${PACKAGE_FORMAT}/v1\u0000${body.packageId}\u0000${body.sender.fingerprint}\u0000${body.recipient}`,
  );
}

function signBody(key: ExchangeKeyRow, body: PackageBody): Uint8Array {
  const text = canonicalJson(body);
  const signature = ed25519.sign(utf8(SIGNATURE_CONTEXT + text), key.ed25519SecretKey);
  return utf8(
    `${JSON.stringify({ format: PACKAGE_FORMAT, version: 1, body: text, signature: toBase64(signature) })}\n`,
  );
}

/** Encrypts records to one partner and signs the package with this vault's exchange key. */
export function sealFullPackage(
  key: ExchangeKeyRow,
  recipient: Recipient,
  records: readonly ExchangeRecord[],
): { bytes: Uint8Array; packageId: string } {
  const packageId = globalThis.crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const ephemeral = x25519.keygen();
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipient.x25519PublicKey);
  const aeadKey = packageKey(shared, ephemeral.publicKey, recipient.x25519PublicKey);
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(24));
  const sender = { agency: key.agency, fingerprint: ownFingerprint(key) };
  const recipientPrint = keyFingerprint(recipient.x25519PublicKey, recipient.ed25519PublicKey);
  const plaintext = utf8(JSON.stringify({ records }));
  const ciphertext = xchacha20poly1305(
    aeadKey,
    nonce,
    aadOf({ packageId, recipient: recipientPrint, sender }),
  ).encrypt(plaintext);
  shared.fill(0);
  aeadKey.fill(0);
  ephemeral.secretKey.fill(0);
  const body: PackageBody = {
    mode: 'full',
    packageId,
    createdAt,
    sender,
    recipient: recipientPrint,
    ephemeral: toBase64(ephemeral.publicKey),
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
  };
  return { bytes: signBody(key, body), packageId };
}

export function sealMatchPackage(
  key: ExchangeKeyRow,
  recipient: Recipient,
  keyId: string,
  entries: readonly MatchEntry[],
): { bytes: Uint8Array; packageId: string } {
  const packageId = globalThis.crypto.randomUUID();
  const body: PackageBody = {
    mode: 'match',
    packageId,
    createdAt: new Date().toISOString(),
    sender: { agency: key.agency, fingerprint: ownFingerprint(key) },
    recipient: keyFingerprint(recipient.x25519PublicKey, recipient.ed25519PublicKey),
    keyId,
    entries,
  };
  return { bytes: signBody(key, body), packageId };
}

function badPackage(why: string): never {
  throw new ExchangeError('badPackage', `This is not a readable exchange package: ${why}.`);
}

function parseBody(text: string): PackageBody {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return badPackage('its body is not JSON');
  }
  const sender = o['sender'] as Record<string, unknown> | undefined;
  if (
    (o['mode'] !== 'full' && o['mode'] !== 'match') ||
    typeof o['packageId'] !== 'string' ||
    typeof o['createdAt'] !== 'string' ||
    typeof o['recipient'] !== 'string' ||
    typeof sender?.['agency'] !== 'string' ||
    typeof sender['fingerprint'] !== 'string'
  ) {
    return badPackage('its header is incomplete');
  }
  return o as unknown as PackageBody;
}

/**
 * Checks the signature against the partner this vault confirmed, then that the package is
 * meant for this vault. Throws, changing nothing, on: an unknown sender, a partner whose key
 * has changed, any altered byte, a package for another agency.
 */
export function verifyPackage(
  bytes: Uint8Array,
  own: ExchangeKeyRow,
  partners: readonly PartnerRow[],
): { body: PackageBody; partner: PartnerRow } {
  let outer: Record<string, unknown>;
  try {
    outer = JSON.parse(fromUtf8(bytes)) as Record<string, unknown>;
  } catch {
    return badPackage('it is not JSON text');
  }
  if (outer['format'] !== PACKAGE_FORMAT) return badPackage('its format is missing or different');
  if (outer['version'] !== 1)
    return badPackage(`version ${String(outer['version'])} is not supported`);
  if (typeof outer['body'] !== 'string') return badPackage('it has no body');
  let signature: Uint8Array;
  try {
    signature = fromBase64(outer['signature']);
  } catch {
    return badPackage('its signature is not base64');
  }
  const body = parseBody(outer['body']);
  const partner = partners.find((p) => p.fingerprint === body.sender.fingerprint);
  if (!partner) {
    const sameName = partners.find(
      (p) => p.agency.toLowerCase() === body.sender.agency.trim().toLowerCase(),
    );
    if (sameName) {
      throw new ExchangeError(
        'changedKey',
        `The package says it is from ${sameName.agency}, but it was made with a different key (${body.sender.fingerprint}) from the one confirmed for them (${sameName.fingerprint}). It was refused. If they really changed their key, confirm the new fingerprint with them by phone or in person and add it again.`,
      );
    }
    throw new ExchangeError(
      'unknownPartner',
      `The package comes from "${body.sender.agency}" (key ${body.sender.fingerprint}), which is not one of your partner agencies. It was refused. Import their public key file and confirm its fingerprint first.`,
    );
  }
  const ok = (() => {
    try {
      return ed25519.verify(
        signature,
        utf8(SIGNATURE_CONTEXT + outer['body']),
        partner.ed25519PublicKey,
        {
          zip215: false,
        },
      );
    } catch {
      return false;
    }
  })();
  if (!ok) {
    throw new ExchangeError(
      'badSignature',
      `The signature of ${partner.agency} does not match this package: it was altered after signing, or was not made by them. It was refused.`,
    );
  }
  if (body.recipient !== ownFingerprint(own)) {
    throw new ExchangeError(
      'notForUs',
      `This package from ${partner.agency} was made for another agency (key ${body.recipient}), not for this vault.`,
    );
  }
  return { body, partner };
}

/** Decrypts a verified full package and checks every record in it. */
export function openFullPackage(
  body: Extract<PackageBody, { mode: 'full' }>,
  own: ExchangeKeyRow,
): ExchangeRecord[] {
  let plaintext: Uint8Array;
  try {
    const ephemeral = fromBase64(body.ephemeral);
    const shared = x25519.getSharedSecret(own.x25519SecretKey, ephemeral);
    const aeadKey = packageKey(shared, ephemeral, own.x25519PublicKey);
    plaintext = xchacha20poly1305(aeadKey, fromBase64(body.nonce), aadOf(body)).decrypt(
      fromBase64(body.ciphertext),
    );
    shared.fill(0);
    aeadKey.fill(0);
  } catch {
    throw new ExchangeError(
      'decryptFailed',
      'The package is signed correctly but could not be decrypted with this vault’s key.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(plaintext));
  } catch {
    return badPackage('its records are not JSON');
  }
  const records = (parsed as { records?: unknown }).records;
  if (!Array.isArray(records)) return badPackage('it holds no list of records');
  return records.map((r, i) => {
    try {
      return checkExchangeRecord(r);
    } catch (error) {
      throw new ExchangeError(
        'invalidRecord',
        `Record ${i + 1} of the package is invalid: ${(error as Error).message}`,
      );
    }
  });
}

/** Names a shared match key without revealing it (a hash of it), so a wrong key is reported. */
export function matchKeyId(matchKey: Uint8Array): string {
  return toBase64(sha256(concat(utf8('ringtrace/match-key-id\u0000'), matchKey))).slice(0, 16);
}

export { equalBytes };
