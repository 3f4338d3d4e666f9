import { LATEST_SCHEMA_VERSION, VAULT_TABLES, VaultDb, vaultDbName } from '../db';
import { concatBytes, u32be } from './bytes';
import { encodeRow } from './codec';
import {
  BACKUP_MAGIC,
  FRAME_NONCE_BYTES,
  frameAad,
  headerHash,
  type BackupFrame,
  type BackupHeader,
} from './backupFormat';
import { VaultLockedError } from './errors';
import type { KeyRing } from './keys';

/** Rows per frame: a frame of file chunks stays near 4 MiB, others near a few hundred KiB. */
const ROWS_PER_FRAME: Readonly<Record<string, number>> = { fileChunks: 4 };
const DEFAULT_ROWS_PER_FRAME = 256;

export async function importBackupKey(ring: KeyRing, usage: KeyUsage): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    ring.key('backup') as Uint8Array<ArrayBuffer>,
    'AES-GCM',
    false,
    [usage],
  );
}

function primaryKeyOf(keyPath: string | string[] | null, row: Record<string, unknown>): unknown {
  if (keyPath === null) throw new Error('Vault tables have inbound primary keys.');
  return Array.isArray(keyPath) ? keyPath.map((p) => row[p]) : row[keyPath];
}

/**
 * Streams the whole vault as one encrypted file (format in backupFormat.ts). Rows are read in
 * pages, each page its own read transaction (a transaction cannot stay open while the stream
 * waits for its reader), so writes made during an export may or may not be in it: the UI
 * holds other work while a backup runs.
 */
export function exportVaultBackup(vaultName: string, ring: KeyRing): ReadableStream<Uint8Array> {
  // The stored rows as they are (sealed), through a connection without the middleware.
  const raw = new VaultDb(vaultDbName(vaultName));
  const counts: Record<string, number> = {};

  async function* pieces(): AsyncGenerator<Uint8Array> {
    const keySlots = await raw.keySlots.toArray();
    const header: BackupHeader = {
      format: 1,
      schemaVersion: LATEST_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      keySlots,
    };
    const headerBytes = encodeRow(header);
    yield concatBytes(BACKUP_MAGIC, u32be(headerBytes.length), headerBytes);

    const hash = headerHash(headerBytes);
    const key = await importBackupKey(ring, 'encrypt');
    let index = 0;
    const seal = async (frame: BackupFrame): Promise<Uint8Array> => {
      const nonce = globalThis.crypto.getRandomValues(new Uint8Array(FRAME_NONCE_BYTES));
      const sealed = await globalThis.crypto.subtle.encrypt(
        {
          name: 'AES-GCM',
          iv: nonce,
          additionalData: frameAad(hash, index++, frame.final) as Uint8Array<ArrayBuffer>,
        },
        key,
        encodeRow(frame) as Uint8Array<ArrayBuffer>,
      );
      return concatBytes(
        u32be(FRAME_NONCE_BYTES + sealed.byteLength),
        nonce,
        new Uint8Array(sealed),
      );
    };

    for (const tableName of VAULT_TABLES) {
      if (tableName === 'keySlots') continue; // carried by the header
      const table = raw.table<Record<string, unknown>, unknown>(tableName);
      const keyPath = table.schema.primKey.keyPath ?? null;
      const perFrame = ROWS_PER_FRAME[tableName] ?? DEFAULT_ROWS_PER_FRAME;
      counts[tableName] = 0;
      let last: unknown;
      for (;;) {
        const page =
          last === undefined
            ? await table.orderBy(':id').limit(perFrame).toArray()
            : await table.where(':id').above(last).limit(perFrame).toArray();
        if (page.length === 0) break;
        counts[tableName] += page.length;
        const lastRow = page[page.length - 1];
        if (lastRow) last = primaryKeyOf(keyPath, lastRow);
        yield await seal({ final: false, table: tableName, rows: page });
        if (page.length < perFrame) break;
      }
    }
    yield await seal({ final: true, counts });
  }

  const iterator = pieces();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // Locking mid-export stops it: the backup key must not outlive the data key.
          if (ring.locked) throw new VaultLockedError();
          const next: IteratorResult<Uint8Array, void> = await iterator.next();
          if (next.done) {
            raw.close();
            controller.close();
          } else controller.enqueue(next.value);
        } catch (error) {
          raw.close();
          throw error;
        }
      },
      async cancel() {
        await iterator.return(undefined);
        raw.close();
      },
    },
    { highWaterMark: 1 },
  );
}
