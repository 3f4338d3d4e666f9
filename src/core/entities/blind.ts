import type { BlindToken } from '../db';
import type { Entity } from '../model';
import type { UnlockedVault } from '../vault';
import { DOCUMENT_PROPERTIES, PHONE_PROPERTIES, propertyValues } from './properties';

export type BlindTokensByKind = Readonly<{
  phone: readonly BlindToken[];
  document: readonly BlindToken[];
  name: readonly BlindToken[];
}>;

/**
 * An entity's blind-index tokens by what they stand for. A value that does not normalise (a
 * "phone" of two digits, an empty name) gets no token rather than failing the whole save:
 * the value is still kept, sealed, in the row.
 */
export function blindTokensByKind(vault: UnlockedVault, entity: Entity): BlindTokensByKind {
  const make = (values: readonly string[], fn: (v: string) => BlindToken): BlindToken[] => {
    const out = new Set<BlindToken>();
    for (const value of values) {
      try {
        out.add(fn(value));
      } catch {
        // Not normalisable: see above.
      }
    }
    return [...out];
  };
  const phoneKeys = [...PHONE_PROPERTIES, ...(entity.kind === 'phone' ? ['number'] : [])];
  const documentKeys = [
    ...DOCUMENT_PROPERTIES,
    ...(entity.kind === 'identityDocument' ? ['number'] : []),
  ];
  const values = (keys: readonly string[]) =>
    keys.flatMap((key) => propertyValues(entity.properties[key]));
  const numbers = new Set([...values(phoneKeys), ...values(documentKeys)].map((v) => v.trim()));
  return {
    phone: make(values(phoneKeys), (v) => vault.blindIndex.phone(v)),
    document: make(values(documentKeys), (v) => vault.blindIndex.document(v)),
    // A phone or account named by its own number gets that number's token, not a name token:
    // the number is no name, and one value keeps one token whoever wrote the row.
    name: make(
      entity.names.map((n) => n.value).filter((v) => !numbers.has(v.trim())),
      (v) => vault.blindIndex.name(v),
    ),
  };
}

/**
 * The blind-index tokens of an entity: its phone numbers (vault.blindIndex.phone), document,
 * account and plate numbers (.document), and every name and alias (.name). Stored in the
 * entity row's `blind` multiEntry index so that "who else has this number" is an exact,
 * indexed look-up that never needs the number in the clear.
 */
export function blindTokensFor(vault: UnlockedVault, entity: Entity): BlindToken[] {
  const t = blindTokensByKind(vault, entity);
  return [...new Set([...t.phone, ...t.document, ...t.name])];
}
