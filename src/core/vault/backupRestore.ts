import { Dexie } from 'dexie';
import { LATEST_SCHEMA_VERSION, VAULT_TABLES, VaultDb, vaultDbName } from '../db';
import { readU32be, wipe } from './bytes';
import { decodeRow } from './codec';
import {
  BACKUP_MAGIC,
  ByteReader,
  checkHeader,
  FRAME_NONCE_BYTES,
  frameAad,
  headerHash,
  MAX_FRAME_BYTES,
} from './backupFormat';
import { importBackupKey } from './backupExport';
import { BackupFormatError, VaultExistsError } from './errors';
import { KeyRing } from './keys';
import { checkVaultName, registerVault, vaultExists } from './registry';
import {
  openUnlocked,
  unwrapWithPassphrase,
  type UnlockedVault,
  type VaultTestOptions,
} from './vault';

export type RestoreInput = Readonly<{
  /** Name of the new vault; must not exist yet. */
  name: string;
  /** The passphrase of any key slot the backup holds. */
  passphrase: string;
}>;

/**
 * Restores a backup into a new vault and unlocks it as the owner of the slot the passphrase
 * opened. The rows are copied as they were stored (each still sealed under the same data key),
 * so the restored vault is the same vault, under a new name. On any damage the half-restored
 * database is deleted and a BackupFormatError (or WrongPassphraseError) says why.
 */
export async function restoreVault(
  source: Blob | ReadableStream<Uint8Array>,
  input: RestoreInput,
  options: VaultTestOptions = {},
): Promise<UnlockedVault> {
  const name = checkVaultName(input.name);
  if ((await vaultExists(name)) || (await Dexie.exists(vaultDbName(name)))) {
    throw new VaultExistsError(name);
  }
  const stream = source instanceof ReadableStream ? source : source.stream();
  const bytes = new ByteReader(stream.getReader());
  let target: VaultDb | undefined;
  let dataKey: Uint8Array | undefined;
  try {
    const magic = await bytes.read(BACKUP_MAGIC.length);
    if (!magic || !magic.every((b, i) => b === BACKUP_MAGIC[i])) {
      throw new BackupFormatError('This is not a Ringtrace vault backup.');
    }
    const headerBytes = await readBlock(bytes, 'header');
    let parsed: unknown;
    try {
      parsed = decodeRow(headerBytes);
    } catch {
      throw new BackupFormatError("This backup's header is damaged.");
    }
    const header = checkHeader(parsed);
    if (header.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new BackupFormatError(
        `This backup was made by a newer Ringtrace (schema ${header.schemaVersion}); update first.`,
      );
    }
    const unwrapped = await unwrapWithPassphrase(
      header.keySlots,
      input.passphrase,
      options,
      'backup',
    );
    dataKey = unwrapped.dataKey;

    const ring = new KeyRing(dataKey.slice());
    const key = await importBackupKey(ring, 'decrypt');
    ring.wipe();
    const hash = headerHash(headerBytes);

    // The schema of the backup's version, then Dexie upgrades it if this build is newer.
    target = new VaultDb(vaultDbName(name));
    await target.open();
    await target.keySlots.bulkAdd([...header.keySlots]);
    const counts: Record<string, number> = {};
    const known = new Set<string>(VAULT_TABLES);
    for (let index = 0; ; index++) {
      const block = await bytes.read(4);
      if (!block)
        throw new BackupFormatError('This backup is truncated: its last part is missing.');
      const length = readU32be(block, 0);
      if (length < FRAME_NONCE_BYTES + 16 || length > MAX_FRAME_BYTES) {
        throw new BackupFormatError(`This backup is damaged at part ${index}.`);
      }
      const frameBytes = await bytes.read(length);
      if (!frameBytes) throw new BackupFormatError('This backup is truncated.');
      const frame = await openFrame(key, hash, index, frameBytes);
      if (frame.final) {
        const expected = frame.counts;
        for (const table of Object.keys(expected)) {
          if ((counts[table] ?? 0) !== expected[table]) {
            throw new BackupFormatError(
              `This backup is incomplete: table ${table} has ${counts[table] ?? 0} rows where ${String(expected[table])} were written.`,
            );
          }
        }
        if (!(await bytes.atEnd())) {
          throw new BackupFormatError('This backup has data after its end.');
        }
        break;
      }
      if (!known.has(frame.table) || frame.table === 'keySlots') {
        throw new BackupFormatError(`This backup holds an unknown table "${frame.table}".`);
      }
      await target.table(frame.table).bulkPut([...frame.rows]);
      counts[frame.table] = (counts[frame.table] ?? 0) + frame.rows.length;
    }
    target.close();
    target = undefined;

    await registerVault(name);
    const vault = await openUnlocked(name, dataKey, unwrapped.slot.id, options);
    dataKey = undefined; // owned by the vault now
    await vault.writeAudited([], async (audit) => {
      await audit({
        action: 'vault.restore',
        table: 'keySlots',
        recordId: unwrapped.slot.id,
        summary: `Restored from a backup made ${header.createdAt}.`,
      });
    });
    return vault;
  } catch (error) {
    wipe(dataKey);
    await bytes.cancel();
    if (target) {
      target.close();
      await Dexie.delete(vaultDbName(name));
    }
    throw error;
  }
}

async function readBlock(bytes: ByteReader, what: string): Promise<Uint8Array> {
  const lengthBytes = await bytes.read(4);
  if (!lengthBytes) throw new BackupFormatError(`This backup is truncated before its ${what}.`);
  const length = readU32be(lengthBytes, 0);
  if (length > MAX_FRAME_BYTES) throw new BackupFormatError(`This backup's ${what} is damaged.`);
  const block = await bytes.read(length);
  if (!block) throw new BackupFormatError(`This backup is truncated in its ${what}.`);
  return block;
}

type OpenedFrame =
  | Readonly<{ final: false; table: string; rows: readonly Record<string, unknown>[] }>
  | Readonly<{ final: true; counts: Readonly<Record<string, number>> }>;

async function openFrame(
  key: CryptoKey,
  hash: Uint8Array,
  index: number,
  frameBytes: Uint8Array,
): Promise<OpenedFrame> {
  const nonce = frameBytes.subarray(0, FRAME_NONCE_BYTES);
  const sealed = frameBytes.subarray(FRAME_NONCE_BYTES);
  // The final flag is not known before opening: try as a middle part, then as the last one.
  for (const final of [false, true]) {
    let plain: ArrayBuffer;
    try {
      plain = await globalThis.crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: nonce as Uint8Array<ArrayBuffer>,
          additionalData: frameAad(hash, index, final) as Uint8Array<ArrayBuffer>,
        },
        key,
        sealed as Uint8Array<ArrayBuffer>,
      );
    } catch {
      continue;
    }
    const frame = decodeRow(new Uint8Array(plain)) as Record<string, unknown>;
    if (frame.final !== final) break;
    if (final) {
      return { final: true, counts: (frame.counts ?? {}) as Record<string, number> };
    }
    if (typeof frame.table !== 'string' || !Array.isArray(frame.rows)) break;
    return { final: false, table: frame.table, rows: frame.rows as Record<string, unknown>[] };
  }
  throw new BackupFormatError(
    `This backup is damaged at part ${index}: it was altered, reordered, or belongs to another backup.`,
  );
}
