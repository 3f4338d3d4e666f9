/**
 * Key slots altered on disk (#14, #20): parameters that would hang the unlock or weaken it are
 * refused at once as a damaged slot, and a damaged wrapped key with the right passphrase is
 * called damaged, not a wrong passphrase. Old slots keep working and are rewrapped with the
 * current cost on the next passphrase change.
 */
import { describe, expect, it } from 'vitest';
import type { KeySlotRow } from '../../../../src/core/db';
import {
  EARLIER_KDFS,
  KeySlotDamagedError,
  openVault,
  PRODUCTION_KDF,
  restoreVault,
  WrongPassphraseError,
  type KdfCost,
} from '../../../../src/core/vault';
import {
  ALICE,
  newTestVault,
  PASSPHRASE,
  rawDb,
  SECOND_PASSPHRASE,
  TEST_KDF,
  uniqueVaultName,
} from '../../../helpers/vaultFixture';
import { createVault } from '../../../../src/core/vault';

async function alterSlot(
  vaultName: string,
  change: (slot: KeySlotRow) => KeySlotRow,
): Promise<void> {
  const raw = rawDb(vaultName);
  try {
    const [slot] = await raw.keySlots.toArray();
    if (!slot) throw new Error('no slot');
    await raw.keySlots.put(change(slot));
  } finally {
    raw.close();
  }
}

const ALTERED: ReadonlyArray<[string, Partial<KdfCost>]> = [
  ['memory of gigabytes', { memoryKiB: 4 * 1024 * 1024 }],
  ['zero passes', { iterations: 0 }],
  ['absurd parallelism', { parallelism: 100_000 }],
  ['a downgrade below the minimum', { memoryKiB: 32, iterations: 1, parallelism: 1 }],
];

describe('damaged key slots', () => {
  for (const [what, change] of ALTERED) {
    it(`refuses a slot altered to ${what} at once, as damaged`, async () => {
      const vault = await newTestVault();
      vault.lock();
      await alterSlot(vault.name, (slot) => ({ ...slot, kdf: { ...slot.kdf, ...change } }));
      const error = await (
        await openVault(vault.name)
      )
        .unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeySlotDamagedError);
      expect((error as KeySlotDamagedError).code).toBe('vault.keySlotDamaged');
      expect((error as Error).message).toMatch(/key slot of this vault is damaged/);
      expect((error as Error).message).toMatch(/not ones Ringtrace creates/);
    });
  }

  it('a production vault refuses the test cost too: no downgrade by parameters', async () => {
    const vault = await newTestVault();
    vault.lock();
    // Unlocked as the app does, without the test option: the cheap test cost is not allowed.
    await expect((await openVault(vault.name)).unlock(PASSPHRASE)).rejects.toBeInstanceOf(
      KeySlotDamagedError,
    );
  });

  it('a damaged wrapped key says damaged with the right passphrase, wrong with a wrong one', async () => {
    const vault = await newTestVault();
    vault.lock();
    await alterSlot(vault.name, (slot) => {
      const wrappedKey = slot.wrappedKey.slice();
      wrappedKey[20] = (wrappedKey[20] ?? 0) ^ 0x40;
      return { ...slot, wrappedKey };
    });
    const handle = await openVault(vault.name);
    const right = await handle
      .unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF })
      .catch((e: unknown) => e);
    expect(right).toBeInstanceOf(KeySlotDamagedError);
    expect((right as Error).message).toMatch(/passphrase is right but its wrapped key/);
    await expect(
      handle.unlock('not the passphrase at all 99', { insecureTestKdf: TEST_KDF }),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a backup whose header key slot is damaged says the backup is damaged', async () => {
    const vault = await newTestVault();
    const raw = rawDb(vault.name);
    const [slot] = await raw.keySlots.toArray();
    raw.close();
    const backup = new Uint8Array(await new Response(await vault.exportBackup()).arrayBuffer());
    vault.lock();
    // The header holds the slot's wrapped key as it is; flip a byte of it.
    const needle = slot!.wrappedKey;
    let at = -1;
    for (let i = 0; i + needle.length <= backup.length && at < 0; i++) {
      if (needle.every((b, j) => backup[i + j] === b)) at = i;
    }
    expect(at).toBeGreaterThan(0);
    backup[at + 20] = (backup[at + 20] ?? 0) ^ 0x40;
    const error = await restoreVault(
      new Blob([backup]),
      { name: uniqueVaultName('damaged'), passphrase: PASSPHRASE },
      { insecureTestKdf: TEST_KDF },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeySlotDamagedError);
    expect((error as KeySlotDamagedError).code).toBe('vault.backupDamaged');
    expect((error as Error).message).toMatch(/This backup is damaged/);
  });

  it('a slot made with the earlier cost unlocks, and a passphrase change rewraps it at the current cost', async () => {
    const earlier = EARLIER_KDFS[0]!;
    const name = uniqueVaultName('earlier-kdf');
    const vault = await createVault(
      { name, passphrase: PASSPHRASE, actor: ALICE },
      { insecureTestKdf: earlier },
    );
    vault.lock();
    // Unlocked as the app does (no test option): the earlier cost is still accepted.
    const unlocked = await (await openVault(name)).unlock(PASSPHRASE);
    expect((await unlocked.keySlots.list())[0]?.kdf).toMatchObject({ memoryKiB: 64 * 1024 });
    // The test option of createVault is not carried by this session, so the new slot takes
    // the production cost.
    await unlocked.keySlots.changePassphrase(PASSPHRASE, SECOND_PASSPHRASE);
    expect((await unlocked.keySlots.list())[0]?.kdf).toEqual({
      memoryKiB: PRODUCTION_KDF.memoryKiB,
      iterations: PRODUCTION_KDF.iterations,
      parallelism: PRODUCTION_KDF.parallelism,
    });
    unlocked.lock();
    const again = await (await openVault(name)).unlock(SECOND_PASSPHRASE);
    expect(again.actor).toEqual(ALICE);
    again.lock();
  });
});
