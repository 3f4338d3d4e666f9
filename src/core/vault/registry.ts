import { Dexie, type Table } from 'dexie';
import { InvalidVaultInputError } from './errors';

/**
 * The list of vaults in this browser profile: names only (the user's labels for their vaults,
 * like "Phnom Penh unit"), nothing about their content. IndexedDB cannot list databases in
 * every browser (indexedDB.databases() is missing in older ones), hence this small table.
 */
class VaultRegistryDb extends Dexie {
  declare readonly vaults: Table<{ name: string }, string>;
  constructor() {
    super('ringtrace-vault-registry');
    this.version(1).stores({ vaults: 'name' });
  }
}

let registry: VaultRegistryDb | undefined;
function db(): VaultRegistryDb {
  registry ??= new VaultRegistryDb();
  return registry;
}

export const MAX_VAULT_NAME_LENGTH = 64;

export function checkVaultName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length === 0) throw new InvalidVaultInputError('A vault needs a name.');
  if (trimmed.length > MAX_VAULT_NAME_LENGTH) {
    throw new InvalidVaultInputError(
      `A vault name has at most ${MAX_VAULT_NAME_LENGTH} characters.`,
    );
  }
  if (/\p{Cc}/u.test(trimmed)) {
    throw new InvalidVaultInputError('A vault name may not contain control characters.');
  }
  return trimmed;
}

export async function listVaults(): Promise<string[]> {
  return (await db().vaults.toCollection().primaryKeys()).sort((a, b) => a.localeCompare(b));
}

export async function vaultExists(name: string): Promise<boolean> {
  return (await db().vaults.get(checkVaultName(name))) !== undefined;
}

export async function registerVault(name: string): Promise<void> {
  await db().vaults.put({ name });
}

export async function unregisterVault(name: string): Promise<void> {
  await db().vaults.delete(name);
}
