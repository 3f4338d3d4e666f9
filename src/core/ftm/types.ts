import type { Entity, EntityId, Link, LinkId, Name } from '../model';
import type { FtmViolation } from './model';
import type { NameProperty } from './schemas';

/** One FtM entity as it appears on a line: properties are always lists of strings. */
export type FtmRecord = Readonly<{
  id: string;
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
}>;

/**
 * A name that remembers which FtM property it came from, so export writes it back there.
 * 'caption' marks a name derived for display from another property (an account's IBAN, a
 * vehicle's plate): export leaves it out, since the property itself is exported.
 */
export type FtmName = Name & Readonly<{ ftmProperty?: NameProperty | 'caption' }>;

export type FtmEntity = Entity & Readonly<{ names: readonly FtmName[] }>;

/**
 * The case model's Link has no free-form properties; FtM links have many (role, summary,
 * sourceUrl...). They are kept here, encoded as in values.ts, with "ftm:id" and "ftm:schema".
 * This is a field the shared Link type lacks.
 */
export type FtmLink = Link & Readonly<{ properties: Readonly<Record<string, string>> }>;

export type MalformedLine = Readonly<{ line: number; message: string }>;

export type UnmappedRecord = Readonly<{ line: number; id: string; schema: string }>;

export type UnresolvedLink = Readonly<{
  line: number;
  id: string;
  schema: string;
  /** Why each end could not be linked: absent property, or an id not imported. */
  problems: readonly string[];
}>;

export type ImportWarning = Readonly<{ line: number; id: string; message: string }>;

export type FtmImportReport = Readonly<{
  /** Non-blank lines read. */
  lines: number;
  entities: number;
  links: number;
  malformed: readonly MalformedLine[];
  /** Records of schemata Ringtrace does not import (Vessel, Sanction, Document...). */
  unmapped: readonly UnmappedRecord[];
  /** Link records whose ends are missing or not imported. */
  unresolved: readonly UnresolvedLink[];
  /** Imported, but with something the user should know (a conflict, an extra end). */
  warnings: readonly ImportWarning[];
  /** What the official FtM model refuses in the file (model.ts), each with its line. */
  invalid: readonly (FtmViolation & Readonly<{ line: number }>)[];
}>;

export type FtmImport = Readonly<{
  entities: readonly FtmEntity[];
  links: readonly FtmLink[];
  /** FtM id -> the fresh Ringtrace id given to it. */
  entityIds: ReadonlyMap<string, EntityId>;
  linkIds: ReadonlyMap<string, LinkId>;
  report: FtmImportReport;
}>;
