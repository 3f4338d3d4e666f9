import { sha256 } from '@noble/hashes/sha2.js';
import { Dexie } from 'dexie';
import type { AuditAction, AuditHeadRow, AuditRow, VaultDb } from '../db';
import type { Actor, CaseId } from '../model';

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = Readonly<{
  action: AuditAction;
  table: string;
  recordId: string;
  caseId?: CaseId;
  summary: string;
}>;

/** The tables an audited write must include in its transaction, besides its own. */
export function auditTables(db: VaultDb): [VaultDb['audit'], VaultDb['vaultMeta']] {
  return [db.audit, db.vaultMeta];
}

/**
 * The bytes an entry's hash covers: every field but the hash, in a fixed order, as JSON.
 * A fixed field list (rather than JSON.stringify of the object) so that adding an optional
 * field later cannot change the hash of existing entries.
 */
export function canonicalAuditEntry(entry: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    'ringtrace/audit/v1',
    entry.seq,
    entry.at,
    [entry.actor.name, entry.actor.agency, entry.actor.badge],
    entry.action,
    entry.table,
    entry.recordId,
    entry.caseId ?? null,
    entry.summary,
    entry.prevHash,
  ]);
}

export function hashAuditEntry(entry: Omit<AuditRow, 'hash'>): string {
  const digest = sha256(new TextEncoder().encode(canonicalAuditEntry(entry)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

async function readHead(db: VaultDb): Promise<AuditHeadRow> {
  const head = await db.vaultMeta.get('auditHead');
  if (head === undefined) return { id: 'auditHead', count: 0, lastHash: GENESIS_HASH };
  if (head.id !== 'auditHead') throw new Error('vaultMeta row "auditHead" has the wrong shape.');
  return head;
}

/**
 * Appends an entry and moves the chain head. Must run inside a read-write transaction that
 * includes the audit and vaultMeta tables (auditTables(db)) and the tables the change writes,
 * so that a change and its entry commit together or not at all. Hashing is synchronous
 * (@noble/hashes): awaiting WebCrypto here would let IndexedDB commit the transaction early.
 */
export async function appendAudit(db: VaultDb, actor: Actor, input: AuditInput): Promise<AuditRow> {
  const trans = Dexie.currentTransaction;
  const names = trans ? new Set(trans.storeNames) : undefined;
  if (!trans || trans.mode !== 'readwrite' || !names?.has('audit') || !names.has('vaultMeta')) {
    throw new Error(
      'appendAudit must run inside a read-write transaction over the audit and vaultMeta tables.',
    );
  }
  const head = await readHead(db);
  const unhashed: Omit<AuditRow, 'hash'> = {
    seq: head.count + 1,
    at: new Date().toISOString(),
    actor: { name: actor.name, agency: actor.agency, badge: actor.badge },
    action: input.action,
    table: input.table,
    recordId: input.recordId,
    ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    summary: input.summary,
    prevHash: head.lastHash,
  };
  const entry: AuditRow = { ...unhashed, hash: hashAuditEntry(unhashed) };
  await db.audit.add(entry);
  await db.vaultMeta.put({
    id: 'auditHead',
    count: entry.seq,
    lastHash: entry.hash,
    integrity: true,
  });
  return entry;
}

/** What verifyAuditLog found wrong first; `seq` is the position in the chain. */
export type AuditProblem =
  | 'altered'
  | 'removed'
  | 'reordered'
  | 'unreadable'
  | 'tailRemoved'
  | 'headMissing'
  /** Every entry and the head are gone: a vault always has at least its creation entry. */
  | 'wiped'
  /** The log (entries and head together) was put back to an earlier state. */
  | 'rolledBack';

/**
 * What the vault-wide integrity check said, as far as the audit log is concerned: the audit
 * entries and the chain head are rows it covers. Structural, so that the audit module does not
 * depend on the vault's.
 */
export type AuditIntegrityView =
  | Readonly<{ ok: true }>
  | Readonly<{
      ok: false;
      problems: ReadonlyArray<Readonly<{ kind: string; table: string; key: unknown }>>;
      countChanges: Readonly<Record<string, number>>;
      complete: boolean;
      commitmentMissing: boolean;
    }>;

export type AuditVerification =
  | Readonly<{ intact: true; count: number; lastHash: string }>
  | Readonly<{ intact: false; problem: AuditProblem; seq: number; message: string }>;

/**
 * Walks the chain from the first entry. Reports the first entry that was altered (its hash no
 * longer matches its content), removed (a gap, or a link to an entry no longer present),
 * reordered (it links to an entry that is present elsewhere), unreadable (its ciphertext fails)
 * or, past the last stored entry, entries removed from the end (the sealed head remembers how
 * many there were and the last hash).
 */
export async function verifyAuditLog(
  db: VaultDb,
  integrity?: AuditIntegrityView,
): Promise<AuditVerification> {
  const { entries, unreadableSeqs, head } = await db.transaction(
    'r',
    db.audit,
    db.vaultMeta,
    async () => {
      const keys = await db.audit.toCollection().primaryKeys();
      // A listing skips rows that fail to decrypt; the keys it lacks are the unreadable ones.
      const found = await db.audit.toArray();
      const readable = new Set(found.map((e) => e.seq));
      const bad = new Set(keys.filter((seq) => !readable.has(seq)));
      return { entries: found, unreadableSeqs: bad, head: await db.vaultMeta.get('auditHead') };
    },
  );
  const fail = (problem: AuditProblem, seq: number, message: string): AuditVerification => ({
    intact: false,
    problem,
    seq,
    message,
  });

  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const seqByHash = new Map(entries.map((e) => [e.hash, e.seq]));
  const lastStored = Math.max(0, ...entries.map((e) => e.seq), ...unreadableSeqs);
  const headCount = head?.id === 'auditHead' ? head.count : undefined;
  if (headCount === undefined && lastStored === 0) {
    return fail(
      'wiped',
      1,
      'The audit log is empty and its chain head is gone: every entry was deleted (a vault always records at least its creation).',
    );
  }
  if (headCount === undefined && lastStored > 0) {
    return fail('headMissing', 1, 'The audit chain head is missing from the vault.');
  }
  const expectedCount = headCount ?? 0;

  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= Math.max(lastStored, expectedCount); seq++) {
    if (unreadableSeqs.has(seq)) {
      return fail('unreadable', seq, `Audit entry ${seq} cannot be decrypted: it was altered.`);
    }
    const entry = bySeq.get(seq);
    if (!entry) {
      return seq > lastStored
        ? fail(
            'tailRemoved',
            seq,
            `Audit entries ${seq} to ${expectedCount} were removed from the end of the log.`,
          )
        : fail('removed', seq, `Audit entry ${seq} was removed.`);
    }
    if (entry.prevHash !== prevHash) {
      const linked = seqByHash.get(entry.prevHash);
      return linked !== undefined
        ? fail(
            'reordered',
            seq,
            `Audit entry ${seq} follows entry ${linked} in the chain: entries were reordered.`,
          )
        : fail(
            'removed',
            seq,
            `The entry before audit entry ${seq} was removed (its link points to no entry).`,
          );
    }
    const { hash, ...rest } = entry;
    if (hashAuditEntry(rest) !== hash) {
      return fail('altered', seq, `Audit entry ${seq} was altered after it was written.`);
    }
    prevHash = hash;
  }
  if (lastStored > expectedCount) {
    return fail(
      'altered',
      expectedCount + 1,
      `Audit entry ${expectedCount + 1} is not covered by the chain head: entries were added behind the vault's back.`,
    );
  }
  if (head?.id === 'auditHead' && head.lastHash !== prevHash) {
    return fail(
      'tailRemoved',
      expectedCount,
      `The last audit entry does not match the chain head: entries at the end were replaced.`,
    );
  }
  // A consistent older copy of the log and its head is a valid chain; only the vault-wide
  // commitment, which every write moves, shows that it is not the latest one.
  if (integrity && !integrity.ok) {
    const touched = integrity.problems.filter(
      (p) => p.table === 'audit' || (p.table === 'vaultMeta' && p.key === 'auditHead'),
    );
    const changed = integrity.countChanges['audit'];
    if (touched.length > 0 || changed !== undefined || !integrity.complete) {
      const seqs = touched
        .filter((p) => p.table === 'audit' && typeof p.key === 'number')
        .map((p) => p.key as number)
        .sort((a, b) => a - b);
      const first = seqs[0] ?? expectedCount;
      return fail(
        'rolledBack',
        first,
        `The audit log is a valid chain but not the vault's latest: ${
          seqs.length > 0
            ? `entries ${seqs.join(', ')} differ from what was written`
            : 'its head differs from what was written'
        } (the log was rolled back or replaced).`,
      );
    }
    if (integrity.commitmentMissing) {
      return fail(
        'rolledBack',
        expectedCount,
        'The vault’s integrity record is missing, so the log cannot be shown to be the latest.',
      );
    }
  }
  return { intact: true, count: expectedCount, lastHash: prevHash };
}

/** The newest entries first, of the whole vault or of one case: what the Audit view lists. */
export async function recentAuditEntries(
  db: VaultDb,
  options: Readonly<{ caseId?: CaseId; limit: number }>,
): Promise<AuditRow[]> {
  const query =
    options.caseId !== undefined
      ? db.audit.where('caseId').equals(options.caseId).reverse()
      : db.audit.orderBy('seq').reverse();
  return query.limit(options.limit).toArray();
}
