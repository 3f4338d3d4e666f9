/**
 * Vault bench: unlock time with the production Argon2id parameters; bulk write and read of
 * 10,000 entity-sized rows through the encryption middleware against the same rows in plain
 * Dexie; chunked file encryption and decryption against a plain chunked copy. All in one run,
 * on the same data. IndexedDB here is fake-indexeddb (Node), so absolute row times are not a
 * browser's; the ratios compare like with like.
 */
import 'fake-indexeddb/auto';
import { Dexie, type Table } from 'dexie';
import { openCaseStore } from '../src/core/cases';
import type { EntityRow } from '../src/core/db';
import { newId, type CaseId, type EntityId } from '../src/core/model';
import {
  createVault,
  deleteVault,
  openVault,
  PRODUCTION_KDF,
  type UnlockedVault,
} from '../src/core/vault';
import type { BenchResult } from './types';

const ROWS = 10_000;
const FILE_MB = 64;
const PASSPHRASE = 'bench passphrase: Mekong ferry at dawn 42';

function entityRows(vault: UnlockedVault, caseId: CaseId): EntityRow[] {
  const now = new Date().toISOString();
  return Array.from({ length: ROWS }, (_, i) => {
    const phone = `+8551${String(i).padStart(7, '0')}`;
    return {
      id: newId<EntityId>(),
      caseId,
      kind: 'person',
      names: [
        { value: `Sok Dara ${i}`, script: 'latin', primary: true },
        { value: `សុខ ដារ៉ា ${i}`, script: 'khmer' },
      ],
      roles: ['suspect', 'broker'],
      properties: { phone, passport: `N0${i}`, nationality: 'KH' },
      notes: 'Seen at the Poipet crossing with two others; drives a white Hilux.',
      createdAt: now,
      updatedAt: now,
      blind: [vault.blindIndex.phone(phone), vault.blindIndex.name(`Sok Dara ${i}`)],
    };
  });
}

class PlainDb extends Dexie {
  declare readonly entities: Table<EntityRow, EntityId>;
  declare readonly chunks: Table<{ fileId: string; index: number; data: Uint8Array }>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ entities: 'id, caseId, *blind', chunks: '[fileId+index], fileId' });
  }
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function fileStream(totalBytes: number): ReadableStream<Uint8Array> {
  const piece = new Uint8Array(256 * 1024).map((_, i) => (i * 31) & 0xff);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(piece.slice());
      sent += piece.length;
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.length;
  }
}

/** The plain baseline: the same stream cut into the same 1 MiB chunks, stored as they are. */
async function plainCopy(db: PlainDb, totalBytes: number): Promise<void> {
  const reader = fileStream(totalBytes).getReader();
  let buffer = new Uint8Array(1024 * 1024);
  let filled = 0;
  let index = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer.set(value, filled);
    filled += value.length;
    if (filled === buffer.length) {
      await db.chunks.put({ fileId: 'plain', index: index++, data: buffer });
      buffer = new Uint8Array(1024 * 1024);
      filled = 0;
    }
  }
  if (filled > 0) await db.chunks.put({ fileId: 'plain', index, data: buffer.subarray(0, filled) });
}

export async function run(): Promise<BenchResult> {
  const name = `bench-${Date.now()}`;
  const plain = new PlainDb(`${name}-plain`);
  try {
    const created = await createVault({
      name,
      passphrase: PASSPHRASE,
      actor: { name: 'Bench', agency: 'Bench', badge: '0' },
    });
    const c = await openCaseStore(created).create({ reference: 'BENCH-1', title: 'Bench' });
    created.lock();

    const handle = await openVault(name);
    const unlock = await time(() => handle.unlock(PASSPHRASE));
    const vault = unlock.value;
    const rows = entityRows(vault, c.id);

    // Five rounds, alternating which side goes first; the best of each side is kept, so that
    // neither pays alone for JIT warm-up or a garbage collection that the other triggered.
    let plainWrite = Infinity;
    let sealedWrite = Infinity;
    let plainRead = Infinity;
    let sealedRead = Infinity;
    for (let round = 0; round < 5; round++) {
      await plain.entities.clear();
      await vault.db.entities.clear();
      const writePlain = async (): Promise<void> => {
        plainWrite = Math.min(plainWrite, (await time(() => plain.entities.bulkPut(rows))).ms);
      };
      const writeSealed = async (): Promise<void> => {
        sealedWrite = Math.min(sealedWrite, (await time(() => vault.db.entities.bulkPut(rows))).ms);
      };
      if (round % 2 === 0) {
        await writePlain();
        await writeSealed();
      } else {
        await writeSealed();
        await writePlain();
      }
      const p = await time(() => plain.entities.toArray());
      const s = await time(() => vault.db.entities.toArray());
      if (p.value.length !== ROWS || s.value.length !== ROWS) throw new Error('Row count mismatch');
      plainRead = Math.min(plainRead, p.ms);
      sealedRead = Math.min(sealedRead, s.ms);
    }

    const bytes = FILE_MB * 1024 * 1024;
    const plainCopyMs = (await time(() => plainCopy(plain, bytes))).ms;
    const plainReadMs = (
      await time(async () => {
        let n = 0;
        for (let i = 0; ; i++) {
          const chunk = await plain.chunks.get(['plain', i]);
          if (!chunk) break;
          n += chunk.data.slice().length;
        }
        return n;
      })
    ).ms;
    // Like for like with the plain copy: chunk, seal, store. Then the evidence path, which
    // also computes the SHA-256 of the plaintext on the way in.
    const put = await time(() =>
      vault.files.put(fileStream(bytes), { caseId: c.id, sha256: false }),
    );
    const hashed = await time(() => vault.files.put(fileStream(bytes), { caseId: c.id }));
    const get = await time(() => drain(vault.files.read(put.value.id)));
    if (get.value !== bytes) throw new Error('File size mismatch');
    vault.lock();

    const mbS = (ms: number): number => Math.round((FILE_MB / (ms / 1000)) * 10) / 10;
    const figures = {
      unlock_ms: Math.round(unlock.ms),
      write_ratio: Math.round((plainWrite / sealedWrite) * 100) / 100,
      read_ratio: Math.round((plainRead / sealedRead) * 100) / 100,
      file_encrypt_mb_s: mbS(put.ms),
      file_decrypt_mb_s: mbS(get.ms),
      file_encrypt_sha256_mb_s: mbS(hashed.ms),
      plain_copy_write_mb_s: mbS(plainCopyMs),
      plain_copy_read_mb_s: mbS(plainReadMs),
    };
    return {
      rows: [
        [
          `unlock, Argon2id ${PRODUCTION_KDF.memoryKiB / 1024} MiB x ${PRODUCTION_KDF.iterations} passes (target about 1000 ms, < 1500 ms)`,
          `${figures.unlock_ms} ms`,
        ],
        [`write ${ROWS} rows: plain Dexie`, `${Math.round(plainWrite)} ms`],
        [`write ${ROWS} rows: encrypted`, `${Math.round(sealedWrite)} ms`],
        [
          'write ratio, plain/encrypted (higher is better, target >= 0.5)',
          `${figures.write_ratio}`,
        ],
        [`read ${ROWS} rows: plain Dexie`, `${Math.round(plainRead)} ms`],
        [`read ${ROWS} rows: encrypted`, `${Math.round(sealedRead)} ms`],
        ['read ratio, plain/encrypted (higher is better)', `${figures.read_ratio}`],
        [
          `file ${FILE_MB} MB encrypt + store (target >= 100 MB/s)`,
          `${figures.file_encrypt_mb_s} MB/s`,
        ],
        [
          `file ${FILE_MB} MB encrypt + store + SHA-256 of plaintext`,
          `${figures.file_encrypt_sha256_mb_s} MB/s`,
        ],
        [
          `file ${FILE_MB} MB read + decrypt (target >= 100 MB/s)`,
          `${figures.file_decrypt_mb_s} MB/s`,
        ],
        [`file ${FILE_MB} MB plain chunked copy: write`, `${figures.plain_copy_write_mb_s} MB/s`],
        [`file ${FILE_MB} MB plain chunked copy: read`, `${figures.plain_copy_read_mb_s} MB/s`],
      ],
      figures,
    };
  } finally {
    plain.close();
    await Dexie.delete(`${name}-plain`);
    await deleteVault(name);
  }
}
