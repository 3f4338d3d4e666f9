import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportFromVault } from '../../../../src/core/bundle';
import { openCaseStore, readCaseGraph } from '../../../../src/core/cases';
// The network view's victimPseudonyms (renderer/network/graphModel) is this one, re-exported.
import { openEntityStore, victimPseudonyms, type EntityInput } from '../../../../src/core/entities';
import {
  addPartner,
  exportFullPackage,
  listVictims,
  ownPublicKey,
  saveVictimRecord,
} from '../../../../src/core/exchange';
import { ftmFileOf } from '../../../../src/core/ftm';
import type { CaseId, EntityId } from '../../../../src/core/model';
import { syncCaseSearch } from '../../../../src/core/search';
import type { UnlockedVault } from '../../../../src/core/vault';
import { newTestVault, uniqueVaultName } from '../../../helpers/vaultFixture';
import { strFromU8, unzipSync } from '../bundle/caseFixture';

const victim = (name: string): EntityInput => ({
  kind: 'person',
  names: [{ value: name, script: 'latin', primary: true }],
  roles: ['victim'],
  properties: {},
});

/** The pseudonym each place shows for one entity, read the way that place reads it. */
async function pseudonymEverywhere(
  vault: UnlockedVault,
  caseId: CaseId,
  id: EntityId,
): Promise<Record<string, string | undefined>> {
  const graph = await readCaseGraph(vault, caseId);
  const network = victimPseudonyms(graph.entities);
  const entity = graph.entities.find((e) => e.id === id)!;

  let zip: Uint8Array | undefined;
  const outcome = await exportFromVault(vault, { caseId, selection: { entityIds: [id] } }, (b) => {
    zip = b;
    return Promise.resolve({ saved: true, path: null });
  });
  if (!outcome.saved || zip === undefined) throw new Error('bundle not saved');
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
    entities: Array<{ id: string; names: Array<{ value: string }> }>;
  };
  const report = strFromU8(files['report.html']!);

  const everyone = new Set(graph.entities.map((e) => e.id));
  const ftm = ftmFileOf(graph, everyone, new Set(graph.links.map((l) => l.id)), false).text;
  const ftmPseudonym = /ringtrace:pseudonym:(V-\d+)/.exec(
    ftm.split('\n').find((line) => line.includes(entity.names[0]!.value)) ?? '',
  )?.[1];

  const search = await syncCaseSearch(vault, caseId);
  const exchange = (await listVictims(vault, caseId)).find((v) => v.entity.id === id);

  const p = network.get(id);
  return {
    network: p,
    bundleManifest: manifest.entities.find((e) => e.id === id)?.names[0]?.value,
    bundleReport: p !== undefined && report.includes(p) ? p : undefined,
    ftm: ftmPseudonym,
    exchange: exchange?.entity.pseudonym,
    search: search.pseudonym(id),
    searchFinds:
      p !== undefined && search.search(p).groups.entity.some((h) => h.document.id === id)
        ? p
        : undefined,
  };
}

describe('victim pseudonyms', () => {
  it('are one per victim, the same in the network, bundles, FtM, exchange and search', async () => {
    const vault = await newTestVault();
    const store = openEntityStore(vault);
    const caseId = (await openCaseStore(vault).create({ reference: 'KH-7', title: 'Ring' })).id;
    const first = await store.createEntity(caseId, victim('Sok Dara'));
    const second = await store.createEntity(caseId, victim('Chan Bopha'));
    expect([first.pseudonym, second.pseudonym]).toEqual(['V-001', 'V-002']);

    const seen = await pseudonymEverywhere(vault, caseId, second.id);
    for (const [where, value] of Object.entries(seen))
      expect({ where, value }).toEqual({ where, value: 'V-002' });

    // The victim's record goes to a partner: the export names the same pseudonym.
    const partnerVault = await newTestVault(uniqueVaultName('partner'));
    const partner = await addPartner(vault, (await ownPublicKey(partnerVault)).file, true);
    await saveVictimRecord(vault, second.id, { names: [{ value: 'Chan Bopha', script: 'latin' }] });
    const exported = await exportFullPackage(vault, partner.id, [second.id]);
    const entry = (await vault.db.audit.toArray()).find(
      (e) => e.action === 'exchange.export' && e.summary.includes(exported.packageId),
    );
    expect(entry?.summary).toContain('V-002 Chan Bopha');
    partnerVault.lock();
    vault.lock();
  });

  it('stay after a merge and after other victims are removed, and are never given twice', async () => {
    const vault = await newTestVault();
    const store = openEntityStore(vault);
    const caseId = (await openCaseStore(vault).create({ reference: 'KH-8', title: 'Ring' })).id;
    const gone = await store.createEntity(caseId, victim('Nary Kim'));
    const kept = await store.createEntity(caseId, victim('Sok Dara'));
    const duplicate = await store.createEntity(caseId, victim('Dara Sok'));
    expect([gone.pseudonym, kept.pseudonym, duplicate.pseudonym]).toEqual([
      'V-001',
      'V-002',
      'V-003',
    ]);

    await store.merge(kept.id, duplicate.id);
    await store.deleteEntity(gone.id);
    const seen = await pseudonymEverywhere(vault, caseId, kept.id);
    for (const [where, value] of Object.entries(seen))
      expect({ where, value }).toEqual({ where, value: 'V-002' });

    // Neither the deleted victim's V-001 nor the absorbed one's V-003 goes to someone else.
    const next = await store.createEntity(caseId, victim('Chan Bopha'));
    expect(next.pseudonym).toBe('V-004');
    // Undoing the merge gives the absorbed victim back its own pseudonym.
    const [merge] = await store.listMerges(caseId);
    await store.undoMerge(kept.id, merge!.id);
    expect((await store.getEntity(duplicate.id)).pseudonym).toBe('V-003');
    expect((await store.getEntity(kept.id)).pseudonym).toBe('V-002');
    vault.lock();
  });

  it('are given to victims of a vault from before they were stored, in creation order', async () => {
    const vault = await newTestVault();
    const caseId = (await openCaseStore(vault).create({ reference: 'KH-9', title: 'Old' })).id;
    // Rows as an older version wrote them: no pseudonym, and the later one first by id.
    const at = (s: string) => `2025-01-0${s}T00:00:00.000Z`;
    const older = {
      ...victim('Older'),
      id: 'b-older' as EntityId,
      caseId,
      createdAt: at('1'),
      updatedAt: at('1'),
    };
    const newer = {
      ...victim('Newer'),
      id: 'a-newer' as EntityId,
      caseId,
      createdAt: at('2'),
      updatedAt: at('2'),
    };
    await vault.db.entities.bulkPut([older, newer].map((e) => ({ ...e, blind: [] })));

    // Every reader shows them the same numbers before anything is written...
    expect((await pseudonymEverywhere(vault, caseId, older.id)).network).toBe('V-001');
    expect((await pseudonymEverywhere(vault, caseId, newer.id)).network).toBe('V-002');
    expect((await vault.db.entities.get(older.id))?.pseudonym).toBeUndefined();
    // ...and the first write of a victim stores exactly those, then numbers on.
    const added = await openEntityStore(vault).createEntity(caseId, victim('Third'));
    expect(added.pseudonym).toBe('V-003');
    expect((await vault.db.entities.get(older.id))?.pseudonym).toBe('V-001');
    expect((await vault.db.entities.get(newer.id))?.pseudonym).toBe('V-002');
    vault.lock();
  });
});
