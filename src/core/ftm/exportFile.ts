/**
 * FollowTheMoney export of what the network view shows, for OCCRP Aleph and the tools around
 * it. An export takes case data out of the vault in the clear, so it is recorded in the audit
 * log, and victims stay out of it while "protect victims" is on.
 */
import type { Entity, Link } from '../model';
import { exportFtm } from './export';
import type { CaseId, EntityId } from '../model';
import type { UnlockedVault } from '../vault';

export type FtmFile = Readonly<{
  text: string;
  entities: number;
  links: number;
  /** Victims left out because protect-victims was on. */
  victimsLeftOut: number;
  /** Links left out because one of their ends is not exported. */
  linksLeftOut: number;
}>;

/** The FtM lines for the shown entities and the links between them. */
export function ftmFileOf(
  graph: Readonly<{ entities: readonly Entity[]; links: readonly Link[] }>,
  shown: ReadonlySet<EntityId>,
  shownLinks: ReadonlySet<string>,
  protectVictims: boolean,
): FtmFile {
  const isVictim = (roles: readonly string[]): boolean => roles.includes('victim');
  const inView = graph.entities.filter((e) => shown.has(e.id));
  const entities = inView.filter((e) => !(protectVictims && isVictim(e.roles)));
  const links = graph.links.filter((l) => shownLinks.has(l.id));
  const result = exportFtm({ entities, links });
  return {
    text: result.text,
    entities: entities.length - result.skippedEntities.length,
    links: links.length - result.skipped.length,
    victimsLeftOut: inView.length - entities.length,
    linksLeftOut: result.skipped.length,
  };
}

export async function auditFtmExport(
  vault: UnlockedVault,
  caseId: CaseId,
  fileName: string,
  file: FtmFile,
): Promise<void> {
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: 'ftm.export',
      table: 'cases',
      recordId: caseId,
      caseId,
      summary:
        `Exported ${file.entities} entities and ${file.links} links as FollowTheMoney ` +
        `"${fileName}"` +
        (file.victimsLeftOut > 0 ? ` (${file.victimsLeftOut} victims left out).` : '.'),
    });
  });
}
