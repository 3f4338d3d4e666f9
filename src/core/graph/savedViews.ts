import type { GraphViewId, GraphViewRow } from '../db';
import { newId, type CaseId, type EntityId } from '../model';
import type { UnlockedVault } from '../vault';

export type Positions = Readonly<Record<EntityId, Readonly<{ x: number; y: number }>>>;

/** The case's saved views, the most recently saved first (it is the one opened by default). */
export async function listViews(vault: UnlockedVault, caseId: CaseId): Promise<GraphViewRow[]> {
  const rows = await vault.db.graphViews.where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Saves positions, hidden entities and layout, as a new named view or over an existing one.
 * Rows are sealed like every other: positions reveal the analyst's reading of the case.
 */
export async function saveView(
  vault: UnlockedVault,
  input: Readonly<{
    caseId: CaseId;
    id?: GraphViewId;
    name: string;
    positions: Positions;
    hidden: readonly EntityId[];
    layout: string;
  }>,
): Promise<GraphViewRow> {
  const now = new Date().toISOString();
  const existing = input.id !== undefined ? await vault.db.graphViews.get(input.id) : undefined;
  const row: GraphViewRow = {
    id: existing?.id ?? newId<GraphViewId>(),
    caseId: input.caseId,
    name: input.name,
    positions: input.positions,
    hidden: input.hidden,
    layout: input.layout,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await vault.writeAudited([vault.db.graphViews], async (audit) => {
    await vault.db.graphViews.put(row);
    await audit({
      action: existing !== undefined ? 'graphView.update' : 'graphView.create',
      table: 'graphViews',
      recordId: row.id,
      caseId: input.caseId,
      summary: `Saved network view "${row.name}" (${Object.keys(row.positions).length} positions).`,
    });
  });
  return row;
}

export async function deleteView(vault: UnlockedVault, view: GraphViewRow): Promise<void> {
  await vault.writeAudited([vault.db.graphViews], async (audit) => {
    await vault.db.graphViews.delete(view.id);
    await audit({
      action: 'graphView.delete',
      table: 'graphViews',
      recordId: view.id,
      caseId: view.caseId,
      summary: `Deleted network view "${view.name}".`,
    });
  });
}

/** Records an export of the picture in the audit log: what left the vault, and in which form. */
export async function auditExport(
  vault: UnlockedVault,
  caseId: CaseId,
  format: 'png' | 'svg',
  fileName: string,
  nodes: number,
  protectedVictims: boolean,
): Promise<void> {
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: 'network.export',
      table: 'cases',
      recordId: caseId,
      caseId,
      summary:
        `Exported the network picture as ${format.toUpperCase()} "${fileName}" (${nodes} ` +
        `entities shown; victims ${protectedVictims ? 'pseudonymised' : 'named'}).`,
    });
  });
}
