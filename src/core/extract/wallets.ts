import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { PRIORITY } from './priority';
import type { Candidate } from './types';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet) to bytes, or undefined for a character outside it. */
function base58Decode(text: string): Uint8Array | undefined {
  const bytes: number[] = [0];
  for (const ch of text) {
    let carry = BASE58.indexOf(ch);
    if (carry < 0) return undefined;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/**
 * A TRON address (where USDT-TRC20 moves): base58check of 0x41 and 20 bytes, the last four
 * bytes the start of the double SHA-256 of the first 21.
 */
export function tronAddressValid(address: string): boolean {
  const bytes = base58Decode(address);
  if (bytes === undefined || bytes.length !== 25 || bytes[0] !== 0x41) return false;
  const check = sha256(sha256(bytes.subarray(0, 21)));
  return check.subarray(0, 4).every((b, i) => b === bytes[21 + i]);
}

/**
 * An Ethereum address's EIP-55 checksum: in mixed case, each letter is upper case exactly
 * when the matching nibble of keccak-256 of the lower-case hex is 8 or more. All lower or
 * all upper case carries no checksum and is accepted as written.
 */
export function ethereumChecksumValid(address: string): boolean {
  const hex = address.slice(2);
  if (!/^[0-9a-fA-F]{40}$/u.test(hex)) return false;
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const ch = hex[i] ?? '';
    if (!/[a-fA-F]/u.test(ch)) continue;
    const nibble = ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    if (nibble >= 8 !== (ch === ch.toUpperCase())) return false;
  }
  return true;
}

/**
 * Crypto wallets: TRON addresses (USDT on TRON) with a valid base58check checksum, and
 * Ethereum addresses (also USDT-ERC20) whose EIP-55 checksum holds where the case is mixed.
 * A look-alike with a wrong checksum is not suggested: one misread character is another
 * wallet.
 */
export function findWallets(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])T[1-9A-HJ-NP-Za-km-z]{33}(?![\p{L}\p{N}])/gu)) {
    if (!tronAddressValid(m[0])) continue;
    out.push({
      kind: 'wallet',
      value: m[0],
      normalized: `tron:${m[0]}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.wallet,
      detail: 'TRON',
    });
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}])/gu)) {
    if (!ethereumChecksumValid(m[0])) continue;
    const hex = m[0].slice(2);
    const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
    out.push({
      kind: 'wallet',
      value: m[0],
      normalized: `eth:${m[0].toLowerCase()}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.wallet,
      detail: mixed ? 'Ethereum, EIP-55 checksum valid' : 'Ethereum, no checksum written',
    });
  }
  return out;
}
