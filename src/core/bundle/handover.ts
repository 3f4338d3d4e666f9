import { ed25519 } from '@noble/curves/ed25519.js';
import type { Actor, CustodyTransfer, EvidenceId, IsoDate } from '../model';
import { hexToBytesStrict, sha256Hex, utf8 } from './bytes';

/*
 * A custody hand-over as the receiving officer signs it: the exhibit (by id and the SHA-256 of
 * its original), when, from whom, to whom, and the SHA-256 of the reason. The reason's hash
 * rather than its text is signed so that a bundle whose reason was pseudonymised (it named a
 * victim) still carries a checkable signature.
 */

export type HandoverFacts = Readonly<{
  evidenceId: EvidenceId;
  exhibitSha256: string;
  at: IsoDate;
  from: Actor;
  to: Actor;
  reasonSha256: string;
}>;

const actorFields = (a: Actor): string[] => [a.name, a.agency, a.badge];

/** The exact bytes the receiving officer signs. */
export function handoverStatement(facts: HandoverFacts): Uint8Array {
  return utf8(
    JSON.stringify([
      'ringtrace/custody-transfer/v1',
      facts.evidenceId,
      facts.exhibitSha256.toLowerCase(),
      facts.at,
      actorFields(facts.from),
      actorFields(facts.to),
      facts.reasonSha256.toLowerCase(),
    ]),
  );
}

export function reasonHash(reason: string): string {
  return sha256Hex(utf8(reason.normalize('NFC')));
}

/** Why a recorded hand-over's signature does not hold, or null (also when none was given). */
export function handoverProblem(
  entry: Readonly<{ evidenceId: EvidenceId; at: IsoDate; transfer?: CustodyTransfer }>,
  exhibitSha256: string,
): string | null {
  const t = entry.transfer;
  if (t === undefined) return null;
  if (t.receiverSignatureHex === undefined && t.receiverPublicKeyHex === undefined) return null;
  if (t.receiverSignatureHex === undefined || t.receiverPublicKeyHex === undefined)
    return 'a receiving key is named without a signature, or a signature without its key';
  try {
    const publicKey = hexToBytesStrict(t.receiverPublicKeyHex, 32, 'The receiving key');
    const signature = hexToBytesStrict(t.receiverSignatureHex, 64, 'The signature');
    const statement = handoverStatement({
      evidenceId: entry.evidenceId,
      exhibitSha256,
      at: entry.at,
      from: t.from,
      to: t.to,
      reasonSha256: t.reasonSha256,
    });
    return ed25519.verify(signature, statement, publicKey, { zip215: false })
      ? null
      : "the receiving officer's signature does not match the hand-over";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
