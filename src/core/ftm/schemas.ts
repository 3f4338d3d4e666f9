import type { EntityKind, LinkType } from '../model';

/**
 * Which FollowTheMoney schemata Ringtrace maps to which kind. What a schema is (its properties,
 * required ones, types, whether it is a Thing or an Interval) comes from the official model
 * (model.ts), not from lists kept here. Everything else is listed in the import report as unmapped.
 */
export const ENTITY_SCHEMAS: Readonly<Record<string, EntityKind>> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  PublicBody: 'organization',
  LegalEntity: 'organization',
  // A public office (OpenSanctions' PEP data: Person -Occupancy-> Position). Kept as an
  // organization-like node so Occupancy links have an end, and so that the holder's time in
  // post can be read from the Occupancy dates.
  Position: 'organization',
  BankAccount: 'bankAccount',
  Vehicle: 'vehicle',
  Address: 'address',
  UserAccount: 'onlineAccount',
  Identification: 'identityDocument',
  Passport: 'identityDocument',
};

/** The schema written for an entity of each kind that did not come from FtM. */
export const DEFAULT_SCHEMA: Readonly<Record<EntityKind, string>> = {
  person: 'Person',
  organization: 'Organization',
  bankAccount: 'BankAccount',
  vehicle: 'Vehicle',
  address: 'Address',
  onlineAccount: 'UserAccount',
  // FtM has no phone entity (a phone is a property); a UserAccount with a `number` is the
  // closest, and the kind travels in a keyword (see KIND_KEYWORD).
  phone: 'UserAccount',
  identityDocument: 'Identification',
};

/** Properties read as names, in this order; the first `name` is the primary name. */
export const NAME_PROPERTIES = ['name', 'alias', 'weakAlias', 'previousName'] as const;
export type NameProperty = (typeof NAME_PROPERTIES)[number];

/**
 * Properties that give an unnamed entity its caption (the FtM caption lists), used only for
 * display: the property itself stays in `properties`.
 */
export const CAPTION_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  BankAccount: ['iban', 'accountNumber', 'bankName'],
  Vehicle: ['registrationNumber', 'model'],
  Address: ['full', 'street', 'city'],
  UserAccount: ['username', 'email', 'number'],
  Identification: ['number'],
  Passport: ['number', 'passportNumber'],
};

export type EdgeSchema = Readonly<{
  /** The FtM property holding the id of the link's source. */
  source: string;
  target: string;
  type: LinkType;
  directed: boolean;
  /** A fixed refinement of the type, for schemata that share a LinkType. */
  label?: string;
}>;

/**
 * Edge schemata and which property is which end. The direction follows the schema's `edge`
 * definition where it has one (Employment runs employee -> employer, "works for";
 * Directorship director -> organization; Membership member -> organization).
 */
export const EDGE_SCHEMAS: Readonly<Record<string, EdgeSchema>> = {
  Associate: { source: 'person', target: 'associate', type: 'associate', directed: false },
  Family: { source: 'person', target: 'relative', type: 'family', directed: false },
  Employment: { source: 'employee', target: 'employer', type: 'worksFor', directed: true },
  Membership: { source: 'member', target: 'organization', type: 'memberOf', directed: true },
  Directorship: {
    source: 'director',
    target: 'organization',
    type: 'worksFor',
    directed: true,
    label: 'director',
  },
  Ownership: { source: 'owner', target: 'asset', type: 'owns', directed: true },
  Payment: { source: 'payer', target: 'beneficiary', type: 'paid', directed: true },
  Representation: {
    source: 'agent',
    target: 'client',
    type: 'associate',
    directed: true,
    label: 'represents',
  },
  UnknownLink: { source: 'subject', target: 'object', type: 'other', directed: true },
  Occupancy: {
    source: 'holder',
    target: 'post',
    type: 'worksFor',
    directed: true,
    label: 'holds post',
  },
  Call: { source: 'caller', target: 'receiver', type: 'called', directed: true },
};

/** Keywords that carry what FtM has no property for; valid FtM, ignored by other tools. */
export const ROLE_KEYWORD = 'ringtrace:role:';
export const KIND_KEYWORD = 'ringtrace:kind:';
/** A form property the schema lacks (a vehicle's colour): "ringtrace:property:color=white". */
export const PROPERTY_KEYWORD = 'ringtrace:property:';

/**
 * Form properties written under another FtM property of the kind's schema, and read back
 * under the form's name: a phone's carrier is its UserAccount's service; an identity
 * document's issue and expiry dates are its Identification's start and end (an Interval).
 */
export const RENAMED_PROPERTIES: Readonly<
  Partial<Record<EntityKind, Readonly<Record<string, string>>>>
> = {
  phone: { carrier: 'service' },
  identityDocument: { issueDate: 'startDate', expiryDate: 'endDate' },
};
/** A victim's protective pseudonym in its case (V-001): the same as on screen and in bundles. */
export const PSEUDONYM_KEYWORD = 'ringtrace:pseudonym:';

/** Reserved keys in Entity.properties and link properties: where the record came from. */
export const FTM_ID_KEY = 'ftm:id';
export const FTM_SCHEMA_KEY = 'ftm:schema';
