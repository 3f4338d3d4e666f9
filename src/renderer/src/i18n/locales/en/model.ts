/**
 * The words of the case model (entity kinds, roles, link types), shared by every view, so that
 * each is translated once and reads the same everywhere.
 */
export const model = {
  kind: {
    person: 'Person',
    organization: 'Organisation',
    phone: 'Phone',
    bankAccount: 'Bank account',
    vehicle: 'Vehicle',
    address: 'Address',
    identityDocument: 'Identity document',
    onlineAccount: 'Online account',
  },
  role: {
    suspect: 'Suspect',
    recruiter: 'Recruiter',
    broker: 'Broker',
    transporter: 'Transporter',
    financier: 'Financier',
    official: 'Official',
    victim: 'Victim',
    witness: 'Witness',
  },
  linkType: {
    recruited: 'recruited',
    transported: 'transported',
    harboured: 'harboured',
    employed: 'employed',
    paid: 'paid',
    called: 'called',
    owns: 'owns',
    memberOf: 'member of',
    worksFor: 'works for',
    family: 'family',
    associate: 'associate',
    colludedWith: 'colluded with',
    other: 'other',
  },
} as const;
