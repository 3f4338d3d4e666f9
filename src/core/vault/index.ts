/**
 * The encrypted vault: key slots, unlock and lock, row and file encryption, blind indexes,
 * the signing key, backup and restore.
 *
 * Keys. A passphrase goes through Argon2id (hash-wasm, 64 MiB, 3 passes, 4 lanes, parameters
 * stored with each key slot) to a key-encryption key, which wraps a random 256-bit data key
 * with AES-256-GCM. Several slots may wrap the same data key (one per user of a shared
 * workstation); adding, removing or re-keying a slot re-encrypts nothing. The data key is
 * never used directly: HKDF-SHA-256 derives one key each for rows, blind indexes, files and
 * backups.
 *
 * Rows: why @noble/ciphers and not WebCrypto. Every row is sealed by a Dexie DBCore middleware
 * (encryptionMiddleware.ts) with XChaCha20-Poly1305, a fresh 192-bit nonce, and its table and
 * primary key as associated data. IndexedDB commits a transaction as soon as the event loop is idle
 * with no request pending, and WebCrypto is asynchronous: awaiting crypto.subtle inside the
 * middleware would commit (or fail) the transaction half-way, breaking Dexie transactions such
 * as "write the case and its audit entry together". So rows are sealed with a synchronous,
 * audited AEAD inside the transaction: libsodium's XChaCha20-Poly1305 (WebAssembly, loaded
 * once before unlock). Measured per entity-sized row: @noble/ciphers' AES-GCM 48 us (a JS AES
 * re-expands its key schedule on every call), its XChaCha20-Poly1305 21 us, libsodium's 5 us;
 * only the last keeps encrypted bulk writes above half the speed of plain ones. 192-bit
 * random nonces also carry no birthday bound on rows per key. Key wrapping uses
 * @noble/ciphers' AES-256-GCM (a handful of calls); files use WebCrypto's native AES-256-GCM.
 *
 * Only primary keys, foreign keys (random UUIDs) and blind-index tokens stay in the clear;
 * the middleware seals every property that is not indexed and checks on read that the clear
 * copies still match the sealed ones.
 *
 * Files: chunks of 1 MiB sealed with WebCrypto AES-GCM (each chunk is its own IndexedDB put,
 * so awaiting WebCrypto is safe there), with file id, chunk index and a final flag in the AAD.
 */
export {
  createVault,
  openVault,
  deleteVault,
  DEFAULT_SETTINGS,
  type CreateVaultInput,
  type VaultHandle,
  type UnlockedVault,
  type VaultTestOptions,
  type KeySlotInfo,
  type KeySlotOps,
  type SettingsOps,
  type UserSettings,
  type AuditOps,
  type AuditAppender,
  type IntegrityOps,
  assertVaultIntegrity,
} from './vault';
export {
  describeProblem,
  type IntegrityProblem,
  type IntegrityProblemKind,
  type IntegrityReport,
} from './integrity';
export { restoreVault, type RestoreInput } from './backupRestore';
export { listVaults, vaultExists, MAX_VAULT_NAME_LENGTH } from './registry';
export {
  assessPassphrase,
  MIN_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_BITS,
  PASSPHRASE_PROBLEM_TEXT,
  type PassphraseAssessment,
  type PassphraseProblem,
  type PassphraseScore,
} from './passphrase';
export { PRODUCTION_KDF, EARLIER_KDFS, type KdfCost } from './kdf';
export {
  normalizePhone,
  normalizeDocumentNumber,
  normalizeName,
  normalizeSha256,
  BLIND_INDEX_KINDS,
  type BlindIndex,
  type BlindIndexKind,
} from './blindIndex';
export {
  FILE_CHUNK_BYTES,
  type FileStore,
  type FileSource,
  type PutFileOptions,
} from './fileStore';
export { fingerprintOf, verifySignature, type SigningKey } from './signing';
export type { UnreadableRecord } from './encryptionMiddleware';
export {
  changeTouches,
  type VaultChange,
  type VaultChangeListener,
  type VaultChanges,
} from './changes';
export {
  VaultError,
  WrongPassphraseError,
  VaultLockedError,
  VaultNotFoundError,
  VaultExistsError,
  WeakPassphraseError,
  InvalidVaultInputError,
  RecordDecryptError,
  FileIntegrityError,
  FileNotFoundError,
  BackupFormatError,
  VaultIntegrityError,
  KeySlotDamagedError,
} from './errors';
