import type { LinkRow } from '../db';
import { entityWriteTables, putEntities } from '../entities/write';
import { parseFtmLines } from './parse';
import { EDGE_SCHEMAS, ENTITY_SCHEMAS } from './schemas';
import type { FtmImport } from './types';
import type { CaseId, EntityKind, LinkType } from '../model';
import type { UnlockedVault } from '../vault';

/** One row of the preview: how many records of a schema, and what they become. */
export type SchemaCount = Readonly<{
  schema: string;
  count: number;
  /** An entity kind, a link type, or null when Ringtrace does not import the schema. */
  mapsTo: Readonly<{ entity: EntityKind } | { link: LinkType }> | null;
}>;

export function schemaCounts(text: string): SchemaCount[] {
  const counts = new Map<string, number>();
  for (const { record } of parseFtmLines(text).records)
    counts.set(record.schema, (counts.get(record.schema) ?? 0) + 1);
  return [...counts]
    .map(([schema, count]): SchemaCount => {
      const kind = ENTITY_SCHEMAS[schema];
      const edge = EDGE_SCHEMAS[schema];
      return {
        schema,
        count,
        mapsTo:
          kind !== undefined ? { entity: kind } : edge !== undefined ? { link: edge.type } : null,
      };
    })
    .sort((a, b) => b.count - a.count || a.schema.localeCompare(b.schema));
}

/**
 * Writes an import into the open case: every entity (with its blind-index tokens, so that
 * duplicates and look-ups by name find it) and link, and one 'ftm.import' audit entry, in one
 * transaction, so that a failure leaves the case as it was.
 */
export async function writeFtmImport(
  vault: UnlockedVault,
  caseId: CaseId,
  fileName: string,
  imported: FtmImport,
): Promise<void> {
  const { entities } = imported;
  // FtmLink keeps FtM's own link properties beside the Link fields, so that export to Aleph
  // loses nothing; the row is sealed whole, extra fields included.
  const links: LinkRow[] = [...imported.links];
  const { report } = imported;
  await vault.writeAudited([...entityWriteTables(vault.db), vault.db.links], async (audit) => {
    // Through the one entity writer: blind-index tokens and victims' pseudonyms by its rules.
    await putEntities(vault, entities);
    await vault.db.links.bulkPut(links);
    await audit({
      action: 'ftm.import',
      table: 'entities',
      recordId: caseId,
      caseId,
      summary:
        `Imported ${entities.length} entities and ${links.length} links from FollowTheMoney ` +
        `file "${fileName}" (${report.lines} lines; ${report.malformed.length} malformed, ` +
        `${report.unmapped.length} not mapped, ${report.unresolved.length} unresolved links).`,
    });
  });
}
