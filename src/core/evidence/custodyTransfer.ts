import {
  handoverProblem,
  handoverStatement,
  reasonHash,
  type HandoverFacts,
} from '../bundle/handover';
import { newId, type Actor, type CustodyEntry, type CustodyId, type EvidenceId } from '../model';
import type { UnlockedVault } from '../vault';

/*
 * A custody hand-over (action 'transfer'): the exhibit passes from the unlocked officer to
 * another officer, at a stated time, for a stated reason. When the receiving officer also uses
 * Ringtrace, they sign the hand-over statement with their vault's Ed25519 key; the signature is
 * checked here before anything is written, and again by every verifier of a bundle that lists
 * the hand-over. The entry and its audit entry are written together.
 */

export type CustodyTransferErrorCode =
  'missing-field' | 'bad-time' | 'not-found' | 'key-without-signature' | 'bad-signature';

export class CustodyTransferError extends Error {
  override readonly name = 'CustodyTransferError';
  constructor(
    readonly code: CustodyTransferErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export type CustodyTransferInput = Readonly<{
  evidenceId: EvidenceId;
  /** The receiving officer. */
  to: Actor;
  /** When the exhibit changed hands (ISO timestamp); now by default. */
  at?: string;
  reason: string;
  /** The receiving officer's Ed25519 public key (64 hex characters), when they use Ringtrace. */
  receiverPublicKeyHex?: string;
  /** Their signature (128 hex characters) over handoverStatement(...). */
  receiverSignatureHex?: string;
}>;

const trimActor = (a: Actor): Actor => ({
  name: a.name.trim(),
  agency: a.agency.trim(),
  badge: a.badge.trim(),
});

/** What the receiving officer signs for this hand-over: show it to them, or to their app. */
export async function custodyTransferStatement(
  vault: UnlockedVault,
  input: Omit<CustodyTransferInput, 'receiverPublicKeyHex' | 'receiverSignatureHex'> &
    Readonly<{ at: string }>,
): Promise<Uint8Array> {
  const item = await vault.db.evidence.get(input.evidenceId);
  if (item === undefined)
    throw new CustodyTransferError('not-found', `No exhibit ${input.evidenceId} in this vault`);
  return handoverStatement(factsOf(vault.actor, item.sha256, input));
}

function factsOf(
  from: Actor,
  exhibitSha256: string,
  input: Readonly<{ evidenceId: EvidenceId; to: Actor; at: string; reason: string }>,
): HandoverFacts {
  return {
    evidenceId: input.evidenceId,
    exhibitSha256,
    at: input.at,
    from: trimActor(from),
    to: trimActor(input.to),
    reasonSha256: reasonHash(input.reason.trim()),
  };
}

export async function recordCustodyTransfer(
  vault: UnlockedVault,
  input: CustodyTransferInput,
): Promise<CustodyEntry> {
  const to = trimActor(input.to);
  const reason = input.reason.trim();
  for (const [field, value] of [
    ['name', to.name],
    ['agency', to.agency],
    ['badge', to.badge],
    ['reason', reason],
  ] as const)
    if (value === '')
      throw new CustodyTransferError('missing-field', `The hand-over needs the ${field}`, {
        field,
      });
  const at = input.at ?? new Date().toISOString();
  if (Number.isNaN(new Date(at).getTime()))
    throw new CustodyTransferError('bad-time', `"${at}" is not a date and time`, { at });
  const key = input.receiverPublicKeyHex?.trim().toLowerCase() || undefined;
  const signature = input.receiverSignatureHex?.trim().toLowerCase() || undefined;
  if ((key === undefined) !== (signature === undefined))
    throw new CustodyTransferError(
      'key-without-signature',
      "Give both the receiving officer's public key and their signature, or neither",
    );
  const db = vault.db;
  const from = trimActor(vault.actor);
  return vault.writeAudited([db.evidence, db.custody], async (audit) => {
    const item = await db.evidence.get(input.evidenceId);
    if (item === undefined)
      throw new CustodyTransferError('not-found', `No exhibit ${input.evidenceId} in this vault`);
    const entry: CustodyEntry = {
      id: newId<CustodyId>(),
      caseId: item.caseId,
      evidenceId: item.id,
      at,
      actor: vault.actor,
      action: 'transfer',
      details: `Handed over by ${from.name} (${from.agency}, ${from.badge}) to ${to.name} (${to.agency}, ${to.badge}): ${reason}`,
      transfer: {
        from,
        to,
        reason,
        reasonSha256: reasonHash(reason),
        ...(key !== undefined && signature !== undefined
          ? { receiverPublicKeyHex: key, receiverSignatureHex: signature }
          : {}),
      },
    };
    const problem = handoverProblem(entry, item.sha256);
    if (problem !== null)
      throw new CustodyTransferError(
        'bad-signature',
        `The hand-over cannot be recorded: ${problem}`,
        {
          problem,
        },
      );
    await db.custody.put(entry);
    await audit({
      action: 'custody.transfer',
      table: 'custody',
      recordId: entry.id,
      caseId: item.caseId,
      summary: `Exhibit ${item.exhibitRef} handed over to ${to.name} (${to.agency}, ${to.badge})${key !== undefined ? ', signed by the receiving officer' : ''}.`,
    });
    return entry;
  });
}
