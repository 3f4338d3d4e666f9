import type { EvidenceId } from '../model';
import { isTypedRecord } from './typedRecord';
import type { BundleContents } from './types';
import { victimProtection } from './victims';

export type NamingOriginal = Readonly<{
  evidenceId: EvidenceId;
  exhibitRef: string;
  fileName: string;
  /** Pseudonyms of the victims whose names or identifiers its page text holds. */
  victims: readonly string[];
}>;

/**
 * The seized originals of a selection whose page text names a victim: an original cannot be
 * redacted, so the export screen lists these and asks before any of them goes out. Typed
 * statements are not among them: they go out pseudonymised like page text.
 */
export function originalsNamingVictims(contents: BundleContents): NamingOriginal[] {
  const victims = contents.entities.filter((e) => e.roles.includes('victim'));
  if (victims.length === 0) return [];
  const all = victimProtection(contents.entities, contents.links, 'pseudonymise');
  const each = victims.map((v) => ({
    pseudonym: all.pseudonyms.get(v.id) ?? '',
    check: victimProtection([v], [], 'pseudonymise').namesVictim,
  }));
  const pages = contents.allPagesOfItems ?? contents.pages;
  return contents.evidence.flatMap((item) => {
    const own = pages.filter((p) => p.evidenceId === item.id);
    if (isTypedRecord(item, own, contents.custody) !== null) return [];
    const texts = [item.fileName, item.description, ...own.map((p) => p.text)];
    const named = each.filter((v) => texts.some(v.check)).map((v) => v.pseudonym);
    return named.length === 0
      ? []
      : [
          {
            evidenceId: item.id,
            exhibitRef: item.exhibitRef,
            fileName: item.fileName,
            victims: named,
          },
        ];
  });
}
