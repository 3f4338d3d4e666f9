import type { ErrorParams } from '../errors';
import { CASE_OWNED_TABLES, type CaseRow } from '../db';
import { CASE_STATUSES, newId, type Case, type CaseId, type CaseStatus } from '../model';
import type { UnlockedVault, UnreadableRecord } from '../vault';

export class CaseNotFoundError extends Error {
  override name = 'CaseNotFoundError';
  readonly errorKey = 'cases.notFound';
  readonly params: ErrorParams;
  constructor(readonly caseId: CaseId) {
    super(`No case ${caseId} in this vault.`);
    this.params = { caseId };
  }
}

/** A case operation refused: bad input, or not allowed in the case's current state. */
export class CaseStoreError extends Error {
  override name = 'CaseStoreError';
  readonly errorKey = 'cases.refused';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}

export type NewCase = Readonly<{
  reference: string;
  title: string;
  summary?: string;
  status?: CaseStatus;
}>;

export type CaseEdit = Readonly<{ reference?: string; title?: string; summary?: string }>;

export type CaseFilter = 'active' | 'deleted' | 'all';

export type CaseListing = Readonly<{
  /** Readable cases, most recently changed first. */
  cases: readonly Case[];
  /** Case rows that failed to decrypt; the rest of the list is still good. */
  unreadable: readonly UnreadableRecord[];
}>;

/** Rows removed by a purge, per table. */
export type PurgeReport = Readonly<Record<string, number>>;

export type CaseStore = Readonly<{
  create: (input: NewCase) => Promise<Case>;
  /** Default 'active': cases not soft-deleted. */
  list: (filter?: CaseFilter) => Promise<CaseListing>;
  /** Throws CaseNotFoundError, or RecordDecryptError naming the row if it is damaged. */
  get: (id: CaseId) => Promise<Case>;
  /** Rename or edit the summary. Not allowed on a deleted case (restore it first). */
  update: (id: CaseId, edit: CaseEdit) => Promise<Case>;
  setStatus: (id: CaseId, status: CaseStatus) => Promise<Case>;
  /** Moves the case to the bin; nothing is removed until purge. */
  softDelete: (id: CaseId) => Promise<Case>;
  restore: (id: CaseId) => Promise<Case>;
  /**
   * Removes a soft-deleted case and every row that belongs to it (entities, links, evidence,
   * pages, citations, custody, files and their chunks, OCR jobs, graph views). The audit log
   * keeps its entries: history is not rewritten, the purge is recorded in it.
   */
  purge: (id: CaseId) => Promise<PurgeReport>;
}>;

const LIMITS = { reference: 100, title: 300, summary: 20_000 } as const;

function text(field: keyof typeof LIMITS, value: unknown, required: boolean): string {
  if (typeof value !== 'string') {
    if (!required && value === undefined) return '';
    throw new CaseStoreError(`The case ${field} must be text.`);
  }
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new CaseStoreError(`The case ${field} is required.`);
  if (trimmed.length > LIMITS[field]) {
    throw new CaseStoreError(`The case ${field} is longer than ${LIMITS[field]} characters.`);
  }
  return trimmed;
}

function status(value: unknown): CaseStatus {
  if (!CASE_STATUSES.includes(value as CaseStatus)) {
    throw new CaseStoreError(
      `A case status is one of ${CASE_STATUSES.join(', ')}, not "${String(value)}".`,
    );
  }
  return value as CaseStatus;
}

/** References compare without case or spacing: "KH-2024 17" and "kh-2024-17" are one case. */
function referenceKey(reference: string): string {
  return reference
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_/.]/g, '');
}

function describe(c: Case): string {
  return `${c.reference} "${c.title}"`;
}

export function openCaseStore(vault: UnlockedVault): CaseStore {
  const db = (): UnlockedVault['db'] => vault.db;

  async function load(id: CaseId): Promise<CaseRow> {
    const row = await db().cases.get(id);
    if (!row) throw new CaseNotFoundError(id);
    return row;
  }

  async function assertUniqueReference(reference: string, except?: CaseId): Promise<void> {
    const key = referenceKey(reference);
    const all = await db().cases.toArray();
    const clash = all.find((c) => c.id !== except && referenceKey(c.reference) === key);
    if (clash) {
      throw new CaseStoreError(
        `Another case already has the reference ${clash.reference}${clash.deletedAt ? ' (in the bin)' : ''}.`,
      );
    }
  }

  /** Reads, changes and writes one case with its audit entry in one transaction. */
  async function change(
    id: CaseId,
    action: `case.${string}`,
    apply: (current: CaseRow) => CaseRow,
    summary: (before: CaseRow, after: CaseRow) => string,
    check?: (next: CaseRow) => Promise<void>,
  ): Promise<Case> {
    const d = db();
    return vault.writeAudited([d.cases], async (audit) => {
      const before = await load(id);
      const after = apply(before);
      // A change that changes nothing (the same status picked again, an edit saved untouched)
      // is neither written nor audited: the log records what happened, not what was clicked.
      if (sameExceptUpdatedAt(before, after)) return before;
      if (check) await check(after);
      await d.cases.put(after);
      await audit({
        action,
        table: 'cases',
        recordId: id,
        caseId: id,
        summary: summary(before, after),
      });
      return after;
    });
  }

  const sameExceptUpdatedAt = (a: CaseRow, b: CaseRow): boolean =>
    JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

  const requireActive = (c: CaseRow): void => {
    if (c.deletedAt !== undefined) {
      throw new CaseStoreError(`Case ${c.reference} is in the bin; restore it first.`);
    }
  };

  return Object.freeze({
    async create(input: NewCase): Promise<Case> {
      const now = new Date().toISOString();
      const row: CaseRow = {
        id: newId<CaseId>(),
        reference: text('reference', input.reference, true),
        title: text('title', input.title, true),
        summary: text('summary', input.summary, false),
        status: status(input.status ?? 'open'),
        createdAt: now,
        updatedAt: now,
      };
      const d = db();
      return vault.writeAudited([d.cases], async (audit) => {
        await assertUniqueReference(row.reference);
        await d.cases.add(row);
        await audit({
          action: 'case.create',
          table: 'cases',
          recordId: row.id,
          caseId: row.id,
          summary: `Opened case ${describe(row)}.`,
        });
        return row;
      });
    },

    async list(filter: CaseFilter = 'active'): Promise<CaseListing> {
      const all = await db().cases.toArray();
      const cases = all
        .filter((c) =>
          filter === 'all' ? true : filter === 'deleted' ? c.deletedAt !== undefined : !c.deletedAt,
        )
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { cases, unreadable: vault.unreadableRecords('cases') };
    },

    get: load,

    async update(id: CaseId, edit: CaseEdit): Promise<Case> {
      const reference =
        edit.reference === undefined ? undefined : text('reference', edit.reference, true);
      const title = edit.title === undefined ? undefined : text('title', edit.title, true);
      const summary = edit.summary === undefined ? undefined : text('summary', edit.summary, false);
      return change(
        id,
        'case.update',
        (c) => {
          requireActive(c);
          return {
            ...c,
            reference: reference ?? c.reference,
            title: title ?? c.title,
            summary: summary ?? c.summary,
            updatedAt: new Date().toISOString(),
          };
        },
        (before, after) => {
          const changes: string[] = [];
          if (before.reference !== after.reference) {
            changes.push(`reference ${before.reference} -> ${after.reference}`);
          }
          if (before.title !== after.title) {
            changes.push(`title "${before.title}" -> "${after.title}"`);
          }
          if (before.summary !== after.summary) changes.push('summary edited');
          return `Edited case ${after.reference}: ${changes.join('; ') || 'no change'}.`;
        },
        (next) =>
          reference === undefined ? Promise.resolve() : assertUniqueReference(next.reference, id),
      );
    },

    async setStatus(id: CaseId, next: CaseStatus): Promise<Case> {
      const checked = status(next);
      return change(
        id,
        'case.status',
        (c) => {
          requireActive(c);
          return { ...c, status: checked, updatedAt: new Date().toISOString() };
        },
        (before, after) => `Case ${after.reference}: status ${before.status} -> ${after.status}.`,
      );
    },

    async softDelete(id: CaseId): Promise<Case> {
      return change(
        id,
        'case.delete',
        (c) => {
          requireActive(c);
          const now = new Date().toISOString();
          return { ...c, deletedAt: now, updatedAt: now };
        },
        (_before, after) => `Moved case ${describe(after)} to the bin.`,
      );
    },

    async restore(id: CaseId): Promise<Case> {
      return change(
        id,
        'case.restore',
        (c) => {
          if (c.deletedAt === undefined) {
            throw new CaseStoreError(`Case ${c.reference} is not in the bin.`);
          }
          const { deletedAt: _deletedAt, ...rest } = c;
          return { ...rest, updatedAt: new Date().toISOString() };
        },
        (_before, after) => `Restored case ${describe(after)} from the bin.`,
      );
    },

    async purge(id: CaseId): Promise<PurgeReport> {
      const d = db();
      const tables = [d.cases, d.fileChunks, ...CASE_OWNED_TABLES.map((t) => d[t])];
      return vault.writeAudited(tables, async (audit) => {
        const row = await load(id);
        if (row.deletedAt === undefined) {
          throw new CaseStoreError(
            `Case ${row.reference} must be moved to the bin before it can be purged.`,
          );
        }
        const report: Record<string, number> = {};
        const fileIds = await d.files.where('caseId').equals(id).primaryKeys();
        report.fileChunks =
          fileIds.length === 0 ? 0 : await d.fileChunks.where('fileId').anyOf(fileIds).delete();
        for (const table of CASE_OWNED_TABLES) {
          report[table] = await d[table].where('caseId').equals(id).delete();
        }
        await d.cases.delete(id);
        report.cases = 1;
        const removed = Object.entries(report)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        await audit({
          action: 'case.purge',
          table: 'cases',
          recordId: id,
          caseId: id,
          summary: `Purged case ${describe(row)}: removed ${removed}.`,
        });
        return report;
      });
    },
  });
}
