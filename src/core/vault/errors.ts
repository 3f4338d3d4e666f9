import type { IntegrityReport } from './integrity';

/**
 * Typed errors of the vault, so that the UI can tell "wrong passphrase" from "corrupt record"
 * with instanceof and show each its own message.
 */

export class VaultError extends Error {
  override name = 'VaultError';
}

/** The passphrase opened no key slot. Nothing was unlocked, nothing was written. */
export class WrongPassphraseError extends VaultError {
  override name = 'WrongPassphraseError';
  constructor() {
    super('Wrong passphrase: it does not open any key slot of this vault.');
  }
}

/**
 * A key slot (or a backup's header) cannot be used whatever the passphrase: its stored
 * parameters or wrapped key were altered or damaged. Said as such, so that a user with the
 * right passphrase is not told it is wrong.
 */
export class KeySlotDamagedError extends VaultError {
  override name = 'KeySlotDamagedError';
  readonly code: 'vault.keySlotDamaged' | 'vault.backupDamaged';
  constructor(
    readonly where: 'vault' | 'backup',
    readonly reason: string,
  ) {
    super(
      where === 'vault'
        ? `The key slot of this vault is damaged: ${reason}. Restore the vault from a backup, or unlock with another user's key slot.`
        : `This backup is damaged: its key slot ${reason}. Use another copy of the backup.`,
    );
    this.code = where === 'vault' ? 'vault.keySlotDamaged' : 'vault.backupDamaged';
  }
}

/** The vault was locked; its keys are gone from memory. Unlock again to continue. */
export class VaultLockedError extends VaultError {
  override name = 'VaultLockedError';
  constructor() {
    super('The vault is locked. Unlock it to continue.');
  }
}

export class VaultNotFoundError extends VaultError {
  override name = 'VaultNotFoundError';
  constructor(readonly vaultName: string) {
    super(`No vault named "${vaultName}" exists in this profile.`);
  }
}

export class VaultExistsError extends VaultError {
  override name = 'VaultExistsError';
  constructor(readonly vaultName: string) {
    super(`A vault named "${vaultName}" already exists in this profile.`);
  }
}

/** The passphrase is below the minimum; `problems` says why, in words a user can act on. */
export class WeakPassphraseError extends VaultError {
  override name = 'WeakPassphraseError';
  constructor(readonly problems: readonly string[]) {
    super(`The passphrase is too weak: ${problems.join(' ')}`);
  }
}

/** A caller passed something the vault cannot accept; the message names the argument. */
export class InvalidVaultInputError extends VaultError {
  override name = 'InvalidVaultInputError';
}

/**
 * A stored row failed authentication: its ciphertext was altered, truncated, or moved from
 * another row (the AAD binds it to its table and primary key). Names the record.
 */
export class RecordDecryptError extends VaultError {
  override name = 'RecordDecryptError';
  constructor(
    readonly table: string,
    readonly recordKey: unknown,
    readonly reason: string,
  ) {
    super(`Record ${table}/${JSON.stringify(recordKey)} cannot be read: ${reason}.`);
  }
}

/** A stored file is altered, truncated or has chunks out of order. Names the file and chunk. */
export class FileIntegrityError extends VaultError {
  override name = 'FileIntegrityError';
  constructor(
    readonly fileId: string,
    readonly chunkIndex: number | undefined,
    reason: string,
  ) {
    super(
      `File ${fileId}${chunkIndex === undefined ? '' : ` (chunk ${chunkIndex})`} is damaged: ${reason}.`,
    );
  }
}

export class FileNotFoundError extends VaultError {
  override name = 'FileNotFoundError';
  constructor(readonly fileId: string) {
    super(`No file ${fileId} in this vault.`);
  }
}

/**
 * The vault's integrity check failed: a row was removed, added, moved or rolled back outside
 * the app. Exports refuse while it fails; the message says what and what to do.
 */
export class VaultIntegrityError extends VaultError {
  override name = 'VaultIntegrityError';
  readonly code = 'vault.integrityFailed';
  readonly params: Readonly<{ details: string; problems: number }>;
  constructor(readonly report: Extract<IntegrityReport, { ok: false }>) {
    super(
      `${report.message} Nothing was exported. Restore the vault from a backup made before the change, or, if you know why these records changed, accept the current state under Vault and users (the acceptance is recorded in the audit log).`,
    );
    this.params = { details: report.message, problems: report.problems.length };
  }
}

/** A backup file is not one, is damaged, or was cut short. */
export class BackupFormatError extends VaultError {
  override name = 'BackupFormatError';
}
