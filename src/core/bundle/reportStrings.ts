import type { EntityKind, LinkType, Role } from '../model';
import type { ManifestCustodyEntry, ManifestLink, ReportLanguage } from './types';

/*
 * The court report's words in the three languages an exporting officer may choose. These live
 * in core, not in the UI's locale files, because the report is written by core (in the app and
 * on the command line alike) and is evidence: its wording must not depend on the UI. Terms
 * follow what police and prosecutors write in each country (Khmer: វត្ថុតាង exhibit, ជនសង្ស័យ
 * suspect, ជនរងគ្រោះ victim, មន្ត្រី official; Thai: วัตถุพยาน, ผู้ต้องสงสัย, ผู้เสียหาย,
 * เจ้าหน้าที่รัฐ).
 */
export type ReportStrings = Readonly<{
  locale: string;
  htmlLang: string;
  title: string;
  caseLine: (reference: string, status: string) => string;
  status: Readonly<Record<'open' | 'closed' | 'archived', string>>;
  exportedBy: string;
  exportedAt: string;
  signedWith: string;
  signedWithText: (fingerprint: string) => string;
  contents: string;
  contentsText: (entities: number, links: number, citations: number, exhibits: number) => string;
  timesIn: string;
  formatVersion: string;
  victimProtection: string;
  originals: string;
  network: string;
  legendRoles: string;
  legendKinds: string;
  legendOfficial: string;
  legendLines: string;
  lineStyles: Readonly<Record<'solid' | 'dashed' | 'dotted', string>>;
  noRole: string;
  peopleAndRoles: string;
  name: string;
  kind: string;
  roles: string;
  details: string;
  alsoKnownAs: string;
  withheld: string;
  nationality: string;
  identification: string;
  identificationStatus: Readonly<Record<'presumed' | 'identified' | 'not-identified', string>>;
  postDates: (from: string, to: string) => string;
  present: string;
  linksAndEvidence: string;
  noLinks: string;
  noCitation: string;
  evidenceAboutPeople: string;
  exhibitPage: (exhibit: string, page: number) => string;
  on: (date: string) => string;
  fromTo: (from: string, to: string) => string;
  amount: string;
  events: (n: number) => string;
  grading: (code: string, reliability: string, credibility: string) => string;
  reliability: Readonly<Record<ManifestLink['reliability'], string>>;
  credibility: Readonly<Record<ManifestLink['credibility'], string>>;
  exhibits: string;
  exhibit: string;
  file: string;
  descriptionAndSeizure: string;
  sha256AtIntake: string;
  originalInBundle: string;
  pagesOfText: (n: number) => string;
  seized: (by: string, from: string, where: string, at: string) => string;
  unchangedAtExport: string;
  atExport: string;
  notIncluded: string;
  pseudonymisedText: string;
  custody: string;
  custodyCount: (exhibit: string, n: number) => string;
  when: string;
  who: string;
  action: string;
  badge: string;
  actions: Readonly<Record<ManifestCustodyEntry['action'], string>>;
  viewedFolded: (pages: string, times: number, first: string, last: string) => string;
  handover: (from: string, to: string, reason: string) => string;
  handoverSigned: (fingerprint: string) => string;
  handoverUnsigned: string;
  corrections: string;
  correctionIntro: string;
  correctedPage: (exhibit: string, page: number) => string;
  before: string;
  after: string;
  audit: string;
  noAudit: string;
  record: string;
  auditHead: (count: number, hash: string) => string;
  howToVerify: string;
  verifyIntro: string;
  verifyBrowser: string;
  verifyNode: string;
  verifyCli: string;
  verifyKey: string;
  verifyCopy: string;
  verifyManual: string;
  kinds: Readonly<Record<EntityKind, string>>;
  roleNames: Readonly<Record<Role, string>>;
  /** Verb phrase for "A <verb> B". */
  linkVerbs: Readonly<Record<LinkType, string>>;
  /** Short label on a network line. */
  linkWords: Readonly<Record<LinkType, string>>;
  undirected: (a: string, b: string, verb: string) => string;
  victimsIncluded: (n: number) => string;
  noVictims: string;
  victimsPseudonymised: (range: string) => string;
  originalsAll: string;
  originalsNone: string;
  originalsSome: (left: number, total: number) => string;
  typedPseudonymised: (n: number) => string;
}>;

const en: ReportStrings = {
  locale: 'en-GB',
  htmlLang: 'en',
  title: 'Evidence bundle',
  caseLine: (reference, status) => `Case ${reference} · ${status}`,
  status: { open: 'open', closed: 'closed', archived: 'archived' },
  exportedBy: 'Exported by',
  exportedAt: 'Exported at',
  signedWith: 'Signed with',
  signedWithText: (fp) => `Ed25519 key, fingerprint ${fp}`,
  contents: 'Contents',
  contentsText: (e, l, c, x) =>
    `${e} people and entities, ${l} links, ${c} citations, ${x} exhibits`,
  timesIn: 'Times are given in',
  formatVersion: 'Bundle format',
  victimProtection: 'Victim protection.',
  originals: 'Originals.',
  network: 'Network',
  legendRoles: 'Colour: role',
  legendKinds: 'Shape: kind',
  legendOfficial: 'Gold double ring: official',
  legendLines: 'Line: source reliability',
  lineStyles: { solid: 'solid A–B', dashed: 'dashed C–D', dotted: 'dotted E–F' },
  noRole: 'no role',
  peopleAndRoles: 'People and roles',
  name: 'Name',
  kind: 'Kind',
  roles: 'Roles',
  details: 'Details',
  alsoKnownAs: 'also known as',
  withheld: 'withheld to protect the victim',
  nationality: 'nationality',
  identification: 'identification',
  identificationStatus: {
    presumed: 'presumed victim',
    identified: 'identified victim',
    'not-identified': 'not identified',
  },
  postDates: (from, to) => `${from} to ${to}`,
  present: 'present',
  linksAndEvidence: 'Links and their evidence',
  noLinks: 'No links in this bundle.',
  noCitation: 'No citation in this bundle supports this link.',
  evidenceAboutPeople: 'Evidence about people and organisations',
  exhibitPage: (x, p) => `Exhibit ${x}, page ${p}`,
  on: (d) => `on ${d}`,
  fromTo: (a, b) => `${a} to ${b}`,
  amount: 'amount',
  events: (n) => `${n} events`,
  grading: (code, r, c) => `grading ${code}: source ${r}, information ${c}`,
  reliability: {
    A: 'completely reliable',
    B: 'usually reliable',
    C: 'fairly reliable',
    D: 'not usually reliable',
    E: 'unreliable',
    F: 'reliability cannot be judged',
  },
  credibility: {
    1: 'confirmed',
    2: 'probably true',
    3: 'possibly true',
    4: 'doubtful',
    5: 'improbable',
    6: 'truth cannot be judged',
  },
  exhibits: 'Exhibits',
  exhibit: 'Exhibit',
  file: 'File',
  descriptionAndSeizure: 'Description and seizure',
  sha256AtIntake: 'SHA-256 at intake',
  originalInBundle: 'Original in bundle',
  pagesOfText: (n) => `${n} page(s) of text`,
  seized: (by, from, where, at) =>
    `seized by ${by} from ${from} at ${where}${at !== '' ? ` on ${at}` : ''}`,
  unchangedAtExport: 'unchanged at export',
  atExport: 'at export',
  notIncluded: 'not included',
  pseudonymisedText: 'pseudonymised text',
  custody: 'Chain of custody',
  custodyCount: (x, n) => `Exhibit ${x}: ${n} custody entr${n === 1 ? 'y' : 'ies'}`,
  when: 'When',
  who: 'Who',
  action: 'Action',
  badge: 'badge',
  actions: {
    intake: 'taken in',
    view: 'viewed',
    ocr: 'text read (OCR)',
    correction: 'text corrected',
    export: 'exported',
    transfer: 'handed over',
    note: 'note',
  },
  viewedFolded: (pages, times, first, last) =>
    `Viewed ${pages} (${times} time${times === 1 ? '' : 's'}, ${first}${first === last ? '' : `–${last}`})`,
  handover: (from, to, reason) => `Handed over by ${from} to ${to}. Reason: ${reason}`,
  handoverSigned: (fp) => `Signed by the receiving officer's key ${fp}.`,
  handoverUnsigned: 'Not signed by the receiving officer.',
  corrections: 'Corrected pages',
  correctionIntro:
    'These pages were corrected by hand after the text was first read. Both texts are given; the bundle holds both files.',
  correctedPage: (x, p) => `Exhibit ${x}, page ${p}: corrected`,
  before: 'First text (as read)',
  after: 'Corrected text',
  audit: 'Audit log entries',
  noAudit: 'No audit entries concern the exported records.',
  record: 'Record',
  auditHead: (count, hash) =>
    `At export the vault's audit log held ${count} entries; the last one's hash is ${hash}.`,
  howToVerify: 'How to verify this bundle',
  verifyIntro:
    'manifest.json lists every file of this bundle with its size and SHA-256, and manifest.sig is an Ed25519 signature over it. Anyone can check that nothing was changed, added or removed since export, without Ringtrace:',
  verifyBrowser:
    'With only a web browser: open verify/verify.html from this bundle, type the key fingerprint below, and drop the bundle’s ZIP file on the page.',
  verifyNode: 'With Node.js 18 or later:',
  verifyCli: 'With Ringtrace’s source code:',
  verifyKey:
    'Confirm the key fingerprint with the exporting agency by a separate channel (telephone, letter, in person): a bundle re-signed by someone else carries a different fingerprint, and without the expected fingerprint no verifier says VERIFIED.',
  verifyCopy:
    'The verifier in verify/ is covered by the signature, but a bundle cannot vouch for itself: for an independent check use a copy obtained separately and compare its SHA-256:',
  verifyManual:
    'Without any Ringtrace code: manifest.sig is the raw 64-byte Ed25519 signature (RFC 8032) of the exact bytes of manifest.json; signer.json holds the 32-byte public key in hex, and the fingerprint is the SHA-256 of those 32 bytes. Any Ed25519 and SHA-256 tool (sha256sum) can repeat the checks.',
  kinds: {
    person: 'person',
    organization: 'organisation',
    phone: 'phone',
    bankAccount: 'bank account',
    vehicle: 'vehicle',
    address: 'address',
    identityDocument: 'identity document',
    onlineAccount: 'online account',
  },
  roleNames: {
    suspect: 'suspect',
    recruiter: 'recruiter',
    broker: 'broker',
    transporter: 'transporter',
    financier: 'financier',
    official: 'official',
    victim: 'victim',
    witness: 'witness',
  },
  linkVerbs: {
    recruited: 'recruited',
    transported: 'transported',
    harboured: 'harboured',
    employed: 'employed',
    paid: 'paid',
    called: 'called',
    owns: 'owns',
    memberOf: 'is a member of',
    worksFor: 'works for',
    family: 'is family of',
    associate: 'is an associate of',
    colludedWith: 'colluded with',
    other: 'is linked to',
  },
  linkWords: {
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
    other: 'linked',
  },
  undirected: (a, b, verb) => `${a} and ${b}: ${verb}`,
  victimsIncluded: (n) =>
    `The exporting officer deliberately included the real identities of the ${n} victim(s) in this bundle. Handle it as identifying victims of trafficking.`,
  noVictims: 'No person in this bundle is recorded as a victim. Victim protection was on.',
  victimsPseudonymised: (range) =>
    `Victims are identified by pseudonyms (${range}). Their names, aliases, birth dates, document numbers and other identifying details were replaced throughout the manifest, the page texts and this report. The exporting agency holds the key to the pseudonyms.`,
  originalsAll:
    'Original files are included exactly as they were taken in, unredacted: they are the evidence and cannot be altered, so they may show victims’ names, faces and documents.',
  originalsNone:
    'No original file is included (export option chosen by the officer); their SHA-256 hashes at intake and at export are listed for each exhibit.',
  originalsSome: (left, total) =>
    `Original files are included exactly as they were taken in, unredacted. The officer chose to leave out the originals that name a victim: ${left} of ${total} original(s) were left out; their hashes are still listed.`,
  typedPseudonymised: (n) =>
    `${n} typed statement(s) are the officers’ own records, not seized evidence: they are given with the victims pseudonymised, like the page texts.`,
};

const km: ReportStrings = {
  locale: 'km-KH',
  htmlLang: 'km',
  title: 'កញ្ចប់ភស្តុតាង',
  caseLine: (reference, status) => `សំណុំរឿង ${reference} · ${status}`,
  status: { open: 'កំពុងដំណើរការ', closed: 'បានបិទ', archived: 'បានរក្សាទុកក្នុងបណ្ណសារ' },
  exportedBy: 'នាំចេញដោយ',
  exportedAt: 'ពេលវេលានាំចេញ',
  signedWith: 'ចុះហត្ថលេខាដោយ',
  signedWithText: (fp) => `សោ Ed25519 ស្នាមម្រាមដៃ ${fp}`,
  contents: 'ខ្លឹមសារ',
  contentsText: (e, l, c, x) => `បុគ្គល និងអង្គភាព ${e} ទំនាក់ទំនង ${l} ការដកស្រង់ ${c} វត្ថុតាង ${x}`,
  timesIn: 'ពេលវេលាទាំងអស់តាមល្វែងម៉ោង',
  formatVersion: 'ទម្រង់កញ្ចប់',
  victimProtection: 'ការការពារជនរងគ្រោះ។',
  originals: 'ឯកសារដើម។',
  network: 'បណ្តាញ',
  legendRoles: 'ពណ៌៖ តួនាទី',
  legendKinds: 'រាង៖ ប្រភេទ',
  legendOfficial: 'រង្វង់មាសពីរជាន់៖ មន្ត្រី',
  legendLines: 'បន្ទាត់៖ ភាពជឿទុកចិត្តបាននៃប្រភព',
  lineStyles: { solid: 'បន្ទាត់ពេញ A–B', dashed: 'បន្ទាត់ដាច់ៗ C–D', dotted: 'បន្ទាត់ចំណុច E–F' },
  noRole: 'គ្មានតួនាទី',
  peopleAndRoles: 'បុគ្គល និងតួនាទី',
  name: 'ឈ្មោះ',
  kind: 'ប្រភេទ',
  roles: 'តួនាទី',
  details: 'ព័ត៌មានលម្អិត',
  alsoKnownAs: 'ឈ្មោះផ្សេងទៀត',
  withheld: 'មិនបង្ហាញ ដើម្បីការពារជនរងគ្រោះ',
  nationality: 'សញ្ជាតិ',
  identification: 'ការកំណត់អត្តសញ្ញាណ',
  identificationStatus: {
    presumed: 'សន្មតថាជាជនរងគ្រោះ',
    identified: 'ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ',
    'not-identified': 'មិនទាន់កំណត់អត្តសញ្ញាណ',
  },
  postDates: (from, to) => `ពី ${from} ដល់ ${to}`,
  present: 'បច្ចុប្បន្ន',
  linksAndEvidence: 'ទំនាក់ទំនង និងភស្តុតាង',
  noLinks: 'កញ្ចប់នេះគ្មានទំនាក់ទំនងទេ។',
  noCitation: 'គ្មានការដកស្រង់ណាមួយក្នុងកញ្ចប់នេះគាំទ្រទំនាក់ទំនងនេះទេ។',
  evidenceAboutPeople: 'ភស្តុតាងអំពីបុគ្គល និងអង្គការ',
  exhibitPage: (x, p) => `វត្ថុតាង ${x} ទំព័រ ${p}`,
  on: (d) => `នៅ ${d}`,
  fromTo: (a, b) => `ពី ${a} ដល់ ${b}`,
  amount: 'ចំនួនទឹកប្រាក់',
  events: (n) => `ព្រឹត្តិការណ៍ ${n}`,
  grading: (code, r, c) => `ការវាយតម្លៃ ${code}៖ ប្រភព${r} ព័ត៌មាន${c}`,
  reliability: {
    A: 'គួរឱ្យទុកចិត្តទាំងស្រុង',
    B: 'ជាធម្មតាគួរឱ្យទុកចិត្ត',
    C: 'គួរឱ្យទុកចិត្តបានខ្លះ',
    D: 'ជាធម្មតាមិនគួរឱ្យទុកចិត្ត',
    E: 'មិនគួរឱ្យទុកចិត្ត',
    F: 'មិនអាចវាយតម្លៃភាពជឿទុកចិត្តបាន',
  },
  credibility: {
    1: 'បានបញ្ជាក់',
    2: 'ប្រហែលជាពិត',
    3: 'អាចជាពិត',
    4: 'គួរឱ្យសង្ស័យ',
    5: 'មិនទំនងជាពិត',
    6: 'មិនអាចវាយតម្លៃការពិតបាន',
  },
  exhibits: 'វត្ថុតាង',
  exhibit: 'វត្ថុតាង',
  file: 'ឯកសារ',
  descriptionAndSeizure: 'ការពិពណ៌នា និងការដកហូត',
  sha256AtIntake: 'SHA-256 ពេលទទួល',
  originalInBundle: 'ឯកសារដើមក្នុងកញ្ចប់',
  pagesOfText: (n) => `អត្ថបទ ${n} ទំព័រ`,
  seized: (by, from, where, at) =>
    `ដកហូតដោយ ${by} ពី ${from} នៅ ${where}${at !== '' ? ` កាលបរិច្ឆេទ ${at}` : ''}`,
  unchangedAtExport: 'មិនបានផ្លាស់ប្តូរពេលនាំចេញ',
  atExport: 'ពេលនាំចេញ',
  notIncluded: 'មិនបានដាក់បញ្ចូល',
  pseudonymisedText: 'អត្ថបទដែលបានប្តូរឈ្មោះក្លែង',
  custody: 'ខ្សែសង្វាក់នៃការថែរក្សាវត្ថុតាង',
  custodyCount: (x, n) => `វត្ថុតាង ${x}៖ កំណត់ត្រា ${n}`,
  when: 'ពេលវេលា',
  who: 'អ្នកធ្វើ',
  action: 'សកម្មភាព',
  badge: 'លេខសម្គាល់',
  actions: {
    intake: 'ទទួលយក',
    view: 'បានមើល',
    ocr: 'អានអត្ថបទ (OCR)',
    correction: 'កែអត្ថបទ',
    export: 'នាំចេញ',
    transfer: 'ប្រគល់',
    note: 'កំណត់សម្គាល់',
  },
  viewedFolded: (pages, times, first, last) =>
    `បានមើល ${pages} (${times} ដង ${first}${first === last ? '' : `–${last}`})`,
  handover: (from, to, reason) => `ប្រគល់ដោយ ${from} ទៅ ${to}។ មូលហេតុ៖ ${reason}`,
  handoverSigned: (fp) => `ចុះហត្ថលេខាដោយសោរបស់មន្ត្រីអ្នកទទួល ${fp}។`,
  handoverUnsigned: 'មន្ត្រីអ្នកទទួលមិនបានចុះហត្ថលេខាទេ។',
  corrections: 'ទំព័រដែលបានកែ',
  correctionIntro:
    'ទំព័រទាំងនេះត្រូវបានកែដោយដៃ បន្ទាប់ពីអានអត្ថបទលើកដំបូង។ អត្ថបទទាំងពីរត្រូវបានផ្តល់ជូន ហើយកញ្ចប់មានឯកសារទាំងពីរ។',
  correctedPage: (x, p) => `វត្ថុតាង ${x} ទំព័រ ${p}៖ បានកែ`,
  before: 'អត្ថបទដំបូង (ដូចដែលបានអាន)',
  after: 'អត្ថបទដែលបានកែ',
  audit: 'កំណត់ហេតុសវនកម្ម',
  noAudit: 'គ្មានកំណត់ហេតុសវនកម្មទាក់ទងនឹងកំណត់ត្រាដែលបាននាំចេញទេ។',
  record: 'កំណត់ត្រា',
  auditHead: (count, hash) =>
    `ពេលនាំចេញ កំណត់ហេតុសវនកម្មរបស់ឃ្លាំងមាន ${count} កំណត់ត្រា។ hash នៃកំណត់ត្រាចុងក្រោយគឺ ${hash}។`,
  howToVerify: 'របៀបផ្ទៀងផ្ទាត់កញ្ចប់នេះ',
  verifyIntro:
    'manifest.json រាយឯកសារទាំងអស់នៃកញ្ចប់នេះ ជាមួយទំហំ និង SHA-256 ហើយ manifest.sig ជាហត្ថលេខា Ed25519 លើវា។ អ្នកណាក៏អាចពិនិត្យថាគ្មានអ្វីត្រូវបានផ្លាស់ប្តូរ បន្ថែម ឬដកចេញតាំងពីពេលនាំចេញ ដោយមិនចាំបាច់មាន Ringtrace៖',
  verifyBrowser:
    'ដោយប្រើតែកម្មវិធីរុករកអ៊ីនធឺណិត៖ បើក verify/verify.html ក្នុងកញ្ចប់នេះ វាយស្នាមម្រាមដៃសោខាងក្រោម ហើយទម្លាក់ឯកសារ ZIP នៃកញ្ចប់លើទំព័រ។',
  verifyNode: 'ដោយប្រើ Node.js 18 ឬថ្មីជាងនេះ៖',
  verifyCli: 'ដោយប្រើកូដប្រភពរបស់ Ringtrace៖',
  verifyKey:
    'សូមបញ្ជាក់ស្នាមម្រាមដៃសោជាមួយអង្គភាពដែលនាំចេញ តាមមធ្យោបាយដាច់ដោយឡែក (ទូរស័ព្ទ លិខិត ឬផ្ទាល់ខ្លួន)៖ កញ្ចប់ដែលអ្នកផ្សេងចុះហត្ថលេខាឡើងវិញ មានស្នាមម្រាមដៃខុសគ្នា ហើយបើគ្មានស្នាមម្រាមដៃដែលរំពឹងទុក គ្មានកម្មវិធីផ្ទៀងផ្ទាត់ណាមួយនិយាយថា VERIFIED ទេ។',
  verifyCopy:
    'កម្មវិធីផ្ទៀងផ្ទាត់ក្នុង verify/ ស្ថិតក្រោមហត្ថលេខា ប៉ុន្តែកញ្ចប់មិនអាចធានាខ្លួនឯងបានទេ៖ សម្រាប់ការពិនិត្យឯករាជ្យ សូមប្រើច្បាប់ចម្លងដែលទទួលបានដោយឡែក ហើយប្រៀបធៀប SHA-256 របស់វា៖',
  verifyManual:
    'ដោយគ្មានកូដ Ringtrace៖ manifest.sig ជាហត្ថលេខា Ed25519 (RFC 8032) ទំហំ 64 បៃ នៃបៃពិតប្រាកដរបស់ manifest.json។ signer.json មានសោសាធារណៈ 32 បៃជាលេខគោលដប់ប្រាំមួយ ហើយស្នាមម្រាមដៃគឺ SHA-256 នៃ 32 បៃទាំងនោះ។ ឧបករណ៍ Ed25519 និង SHA-256 (sha256sum) ណាមួយក៏អាចធ្វើការពិនិត្យនេះឡើងវិញបាន។',
  kinds: {
    person: 'បុគ្គល',
    organization: 'អង្គការ',
    phone: 'លេខទូរស័ព្ទ',
    bankAccount: 'គណនីធនាគារ',
    vehicle: 'យានយន្ត',
    address: 'អាសយដ្ឋាន',
    identityDocument: 'ឯកសារអត្តសញ្ញាណ',
    onlineAccount: 'គណនីអនឡាញ',
  },
  roleNames: {
    suspect: 'ជនសង្ស័យ',
    recruiter: 'អ្នកជ្រើសរើស',
    broker: 'ឈ្មួញកណ្តាល',
    transporter: 'អ្នកដឹកជញ្ជូន',
    financier: 'អ្នកផ្តល់ហិរញ្ញប្បទាន',
    official: 'មន្ត្រី',
    victim: 'ជនរងគ្រោះ',
    witness: 'សាក្សី',
  },
  linkVerbs: {
    recruited: 'បានជ្រើសរើស',
    transported: 'បានដឹកជញ្ជូន',
    harboured: 'បានលាក់ទុក',
    employed: 'បានជួល',
    paid: 'បានបង់ប្រាក់ឱ្យ',
    called: 'បានទូរស័ព្ទទៅ',
    owns: 'ជាម្ចាស់',
    memberOf: 'ជាសមាជិកនៃ',
    worksFor: 'ធ្វើការឱ្យ',
    family: 'ជាសាច់ញាតិនឹង',
    associate: 'ជាបក្សពួកនឹង',
    colludedWith: 'បានឃុបឃិតជាមួយ',
    other: 'មានទំនាក់ទំនងជាមួយ',
  },
  linkWords: {
    recruited: 'ជ្រើសរើស',
    transported: 'ដឹកជញ្ជូន',
    harboured: 'លាក់ទុក',
    employed: 'ជួល',
    paid: 'បង់ប្រាក់',
    called: 'ទូរស័ព្ទ',
    owns: 'ជាម្ចាស់',
    memberOf: 'សមាជិក',
    worksFor: 'ធ្វើការឱ្យ',
    family: 'សាច់ញាតិ',
    associate: 'បក្សពួក',
    colludedWith: 'ឃុបឃិត',
    other: 'ទំនាក់ទំនង',
  },
  undirected: (a, b, verb) => `${a} និង ${b}៖ ${verb}`,
  victimsIncluded: (n) =>
    `មន្ត្រីដែលនាំចេញបានដាក់បញ្ចូលអត្តសញ្ញាណពិតរបស់ជនរងគ្រោះ ${n} នាក់ក្នុងកញ្ចប់នេះដោយចេតនា។ សូមចាត់ទុកវាជាឯកសារដែលបង្ហាញអត្តសញ្ញាណជនរងគ្រោះនៃការជួញដូរមនុស្ស។`,
  noVictims: 'គ្មានបុគ្គលណាក្នុងកញ្ចប់នេះត្រូវបានកត់ត្រាថាជាជនរងគ្រោះទេ។ ការការពារជនរងគ្រោះត្រូវបានបើក។',
  victimsPseudonymised: (range) =>
    `ជនរងគ្រោះត្រូវបានសម្គាល់ដោយឈ្មោះក្លែង (${range})។ ឈ្មោះ ឈ្មោះហៅក្រៅ ថ្ងៃខែឆ្នាំកំណើត លេខឯកសារ និងព័ត៌មានសម្គាល់អត្តសញ្ញាណផ្សេងទៀតរបស់ពួកគេ ត្រូវបានជំនួសនៅគ្រប់ទីកន្លែងក្នុង manifest អត្ថបទទំព័រ និងរបាយការណ៍នេះ។ អង្គភាពដែលនាំចេញរក្សាកូនសោនៃឈ្មោះក្លែង។`,
  originalsAll:
    'ឯកសារដើមត្រូវបានដាក់បញ្ចូលដូចពេលទទួលយក ដោយមិនលុបលាក់៖ វាជាភស្តុតាង ហើយមិនអាចកែប្រែបានទេ ដូច្នេះវាអាចបង្ហាញឈ្មោះ មុខ និងឯកសាររបស់ជនរងគ្រោះ។',
  originalsNone:
    'គ្មានឯកសារដើមណាមួយត្រូវបានដាក់បញ្ចូលទេ (ជម្រើសរបស់មន្ត្រី)។ hash SHA-256 ពេលទទួល និងពេលនាំចេញ ត្រូវបានរាយសម្រាប់វត្ថុតាងនីមួយៗ។',
  originalsSome: (left, total) =>
    `ឯកសារដើមត្រូវបានដាក់បញ្ចូលដូចពេលទទួលយក ដោយមិនលុបលាក់។ មន្ត្រីបានជ្រើសរើសមិនដាក់បញ្ចូលឯកសារដើមដែលមានឈ្មោះជនរងគ្រោះ៖ ${left} ក្នុងចំណោម ${total} ត្រូវបានដកចេញ ហើយ hash របស់វានៅតែត្រូវបានរាយ។`,
  typedPseudonymised: (n) =>
    `សេចក្តីថ្លែងការណ៍វាយបញ្ចូល ${n} ជាកំណត់ត្រាផ្ទាល់របស់មន្ត្រី មិនមែនជាភស្តុតាងដែលបានដកហូតទេ៖ ជនរងគ្រោះត្រូវបានប្តូរជាឈ្មោះក្លែង ដូចអត្ថបទទំព័រ។`,
};

const th: ReportStrings = {
  locale: 'th-TH',
  htmlLang: 'th',
  title: 'ชุดพยานหลักฐาน',
  caseLine: (reference, status) => `คดี ${reference} · ${status}`,
  status: { open: 'อยู่ระหว่างดำเนินการ', closed: 'ปิดแล้ว', archived: 'เก็บเข้าแฟ้มแล้ว' },
  exportedBy: 'ส่งออกโดย',
  exportedAt: 'วันเวลาที่ส่งออก',
  signedWith: 'ลงลายมือชื่อดิจิทัลด้วย',
  signedWithText: (fp) => `กุญแจ Ed25519 ลายนิ้วมือกุญแจ ${fp}`,
  contents: 'เนื้อหา',
  contentsText: (e, l, c, x) =>
    `บุคคลและหน่วย ${e} รายการ ความเชื่อมโยง ${l} รายการ การอ้างอิง ${c} รายการ วัตถุพยาน ${x} รายการ`,
  timesIn: 'เวลาทั้งหมดเป็นเวลาตามเขตเวลา',
  formatVersion: 'รูปแบบชุดพยานหลักฐาน',
  victimProtection: 'การคุ้มครองผู้เสียหาย',
  originals: 'ต้นฉบับ',
  network: 'เครือข่าย',
  legendRoles: 'สี: บทบาท',
  legendKinds: 'รูปทรง: ประเภท',
  legendOfficial: 'วงแหวนทองสองชั้น: เจ้าหน้าที่รัฐ',
  legendLines: 'เส้น: ความน่าเชื่อถือของแหล่งข่าว',
  lineStyles: { solid: 'เส้นทึบ A–B', dashed: 'เส้นประ C–D', dotted: 'เส้นจุด E–F' },
  noRole: 'ไม่มีบทบาท',
  peopleAndRoles: 'บุคคลและบทบาท',
  name: 'ชื่อ',
  kind: 'ประเภท',
  roles: 'บทบาท',
  details: 'รายละเอียด',
  alsoKnownAs: 'ชื่ออื่น',
  withheld: 'ไม่เปิดเผยเพื่อคุ้มครองผู้เสียหาย',
  nationality: 'สัญชาติ',
  identification: 'การคัดแยก',
  identificationStatus: {
    presumed: 'สันนิษฐานว่าเป็นผู้เสียหาย',
    identified: 'คัดแยกแล้วว่าเป็นผู้เสียหาย',
    'not-identified': 'ยังไม่ได้คัดแยก',
  },
  postDates: (from, to) => `ตั้งแต่ ${from} ถึง ${to}`,
  present: 'ปัจจุบัน',
  linksAndEvidence: 'ความเชื่อมโยงและพยานหลักฐาน',
  noLinks: 'ชุดนี้ไม่มีความเชื่อมโยง',
  noCitation: 'ไม่มีการอ้างอิงในชุดนี้ที่สนับสนุนความเชื่อมโยงนี้',
  evidenceAboutPeople: 'พยานหลักฐานเกี่ยวกับบุคคลและองค์กร',
  exhibitPage: (x, p) => `วัตถุพยาน ${x} หน้า ${p}`,
  on: (d) => `เมื่อ ${d}`,
  fromTo: (a, b) => `ตั้งแต่ ${a} ถึง ${b}`,
  amount: 'จำนวนเงิน',
  events: (n) => `${n} เหตุการณ์`,
  grading: (code, r, c) => `การประเมิน ${code}: แหล่งข่าว${r} ข้อมูล${c}`,
  reliability: {
    A: 'น่าเชื่อถือโดยสมบูรณ์',
    B: 'น่าเชื่อถือเป็นส่วนใหญ่',
    C: 'น่าเชื่อถือพอสมควร',
    D: 'มักไม่น่าเชื่อถือ',
    E: 'ไม่น่าเชื่อถือ',
    F: 'ไม่อาจประเมินความน่าเชื่อถือได้',
  },
  credibility: {
    1: 'ได้รับการยืนยัน',
    2: 'น่าจะเป็นจริง',
    3: 'อาจเป็นจริง',
    4: 'น่าสงสัย',
    5: 'ไม่น่าเป็นไปได้',
    6: 'ไม่อาจประเมินความจริงได้',
  },
  exhibits: 'วัตถุพยาน',
  exhibit: 'วัตถุพยาน',
  file: 'ไฟล์',
  descriptionAndSeizure: 'รายละเอียดและการยึด',
  sha256AtIntake: 'SHA-256 เมื่อรับเข้า',
  originalInBundle: 'ต้นฉบับในชุด',
  pagesOfText: (n) => `ข้อความ ${n} หน้า`,
  seized: (by, from, where, at) =>
    `ยึดโดย ${by} จาก ${from} ที่ ${where}${at !== '' ? ` เมื่อ ${at}` : ''}`,
  unchangedAtExport: 'ไม่เปลี่ยนแปลงเมื่อส่งออก',
  atExport: 'เมื่อส่งออก',
  notIncluded: 'ไม่ได้รวมไว้',
  pseudonymisedText: 'ข้อความที่ใช้นามแฝง',
  custody: 'ห่วงโซ่การครอบครองพยานหลักฐาน',
  custodyCount: (x, n) => `วัตถุพยาน ${x}: ${n} รายการ`,
  when: 'เมื่อ',
  who: 'ผู้ดำเนินการ',
  action: 'การดำเนินการ',
  badge: 'หมายเลขประจำตัว',
  actions: {
    intake: 'รับเข้า',
    view: 'เปิดดู',
    ocr: 'อ่านข้อความ (OCR)',
    correction: 'แก้ไขข้อความ',
    export: 'ส่งออก',
    transfer: 'ส่งมอบ',
    note: 'บันทึก',
  },
  viewedFolded: (pages, times, first, last) =>
    `เปิดดู ${pages} (${times} ครั้ง ${first}${first === last ? '' : `–${last}`})`,
  handover: (from, to, reason) => `ส่งมอบโดย ${from} ให้แก่ ${to} เหตุผล: ${reason}`,
  handoverSigned: (fp) => `ลงลายมือชื่อด้วยกุญแจของเจ้าหน้าที่ผู้รับ ${fp}`,
  handoverUnsigned: 'เจ้าหน้าที่ผู้รับไม่ได้ลงลายมือชื่อ',
  corrections: 'หน้าที่มีการแก้ไข',
  correctionIntro: 'หน้าเหล่านี้ได้รับการแก้ไขด้วยมือหลังจากอ่านข้อความครั้งแรก มีข้อความทั้งสองฉบับ และชุดนี้มีไฟล์ทั้งสอง',
  correctedPage: (x, p) => `วัตถุพยาน ${x} หน้า ${p}: แก้ไขแล้ว`,
  before: 'ข้อความแรก (ตามที่อ่านได้)',
  after: 'ข้อความที่แก้ไข',
  audit: 'บันทึกการตรวจสอบ',
  noAudit: 'ไม่มีบันทึกการตรวจสอบที่เกี่ยวกับรายการที่ส่งออก',
  record: 'รายการ',
  auditHead: (count, hash) =>
    `เมื่อส่งออก บันทึกการตรวจสอบของคลังข้อมูลมี ${count} รายการ ค่าแฮชของรายการสุดท้ายคือ ${hash}`,
  howToVerify: 'วิธีตรวจสอบชุดพยานหลักฐานนี้',
  verifyIntro:
    'manifest.json แสดงรายการไฟล์ทุกไฟล์ในชุดนี้พร้อมขนาดและ SHA-256 และ manifest.sig คือลายมือชื่อดิจิทัล Ed25519 ของไฟล์นั้น ทุกคนสามารถตรวจสอบได้ว่าไม่มีสิ่งใดถูกเปลี่ยน เพิ่ม หรือลบ นับตั้งแต่ส่งออก โดยไม่ต้องใช้ Ringtrace:',
  verifyBrowser:
    'ใช้เพียงเว็บเบราว์เซอร์: เปิด verify/verify.html จากชุดนี้ พิมพ์ลายนิ้วมือกุญแจด้านล่าง แล้ววางไฟล์ ZIP ของชุดลงบนหน้าเว็บ',
  verifyNode: 'ใช้ Node.js 18 ขึ้นไป:',
  verifyCli: 'ใช้ซอร์สโค้ดของ Ringtrace:',
  verifyKey:
    'ยืนยันลายนิ้วมือกุญแจกับหน่วยงานที่ส่งออกผ่านช่องทางแยกต่างหาก (โทรศัพท์ หนังสือ หรือพบด้วยตนเอง): ชุดที่ผู้อื่นลงลายมือชื่อใหม่จะมีลายนิ้วมือต่างออกไป และหากไม่มีลายนิ้วมือที่คาดหมาย ไม่มีโปรแกรมตรวจสอบใดจะแสดงว่า VERIFIED',
  verifyCopy:
    'โปรแกรมตรวจสอบใน verify/ อยู่ภายใต้ลายมือชื่อ แต่ชุดพยานหลักฐานไม่อาจรับรองตนเองได้: เพื่อการตรวจสอบที่เป็นอิสระ ให้ใช้สำเนาที่ได้มาแยกต่างหากและเปรียบเทียบ SHA-256:',
  verifyManual:
    'โดยไม่ใช้โค้ดของ Ringtrace: manifest.sig คือลายมือชื่อ Ed25519 (RFC 8032) ขนาด 64 ไบต์ของไบต์ทั้งหมดของ manifest.json; signer.json มีกุญแจสาธารณะ 32 ไบต์ในรูปเลขฐานสิบหก และลายนิ้วมือคือ SHA-256 ของ 32 ไบต์นั้น เครื่องมือ Ed25519 และ SHA-256 (sha256sum) ใดก็ตรวจซ้ำได้',
  kinds: {
    person: 'บุคคล',
    organization: 'องค์กร',
    phone: 'โทรศัพท์',
    bankAccount: 'บัญชีธนาคาร',
    vehicle: 'ยานพาหนะ',
    address: 'ที่อยู่',
    identityDocument: 'เอกสารแสดงตน',
    onlineAccount: 'บัญชีออนไลน์',
  },
  roleNames: {
    suspect: 'ผู้ต้องสงสัย',
    recruiter: 'ผู้จัดหา',
    broker: 'นายหน้า',
    transporter: 'ผู้ขนส่ง',
    financier: 'ผู้สนับสนุนทางการเงิน',
    official: 'เจ้าหน้าที่รัฐ',
    victim: 'ผู้เสียหาย',
    witness: 'พยาน',
  },
  linkVerbs: {
    recruited: 'จัดหา',
    transported: 'ขนส่ง',
    harboured: 'ให้ที่พักพิงซ่อนเร้น',
    employed: 'จ้างงาน',
    paid: 'จ่ายเงินให้',
    called: 'โทรหา',
    owns: 'เป็นเจ้าของ',
    memberOf: 'เป็นสมาชิกของ',
    worksFor: 'ทำงานให้',
    family: 'เป็นญาติกับ',
    associate: 'เป็นพวกเดียวกับ',
    colludedWith: 'สมรู้ร่วมคิดกับ',
    other: 'เชื่อมโยงกับ',
  },
  linkWords: {
    recruited: 'จัดหา',
    transported: 'ขนส่ง',
    harboured: 'ซ่อนเร้น',
    employed: 'จ้างงาน',
    paid: 'จ่ายเงิน',
    called: 'โทรหา',
    owns: 'เจ้าของ',
    memberOf: 'สมาชิก',
    worksFor: 'ทำงานให้',
    family: 'ญาติ',
    associate: 'พวกเดียวกัน',
    colludedWith: 'สมรู้ร่วมคิด',
    other: 'เชื่อมโยง',
  },
  undirected: (a, b, verb) => `${a} และ ${b}: ${verb}`,
  victimsIncluded: (n) =>
    `เจ้าหน้าที่ผู้ส่งออกได้รวมตัวตนจริงของผู้เสียหาย ${n} รายไว้ในชุดนี้โดยเจตนา โปรดปฏิบัติต่อชุดนี้ในฐานะเอกสารที่ระบุตัวผู้เสียหายจากการค้ามนุษย์`,
  noVictims: 'ไม่มีบุคคลใดในชุดนี้ที่บันทึกว่าเป็นผู้เสียหาย การคุ้มครองผู้เสียหายเปิดอยู่',
  victimsPseudonymised: (range) =>
    `ผู้เสียหายถูกระบุด้วยนามแฝง (${range}) ชื่อ ชื่อเล่น วันเกิด หมายเลขเอกสาร และรายละเอียดอื่นที่ระบุตัวตนได้ ถูกแทนที่ทั้งใน manifest ข้อความของแต่ละหน้า และรายงานนี้ หน่วยงานผู้ส่งออกเป็นผู้เก็บกุญแจของนามแฝง`,
  originalsAll:
    'ไฟล์ต้นฉบับรวมไว้ตามที่รับเข้ามาโดยไม่มีการปกปิด: เป็นพยานหลักฐานและไม่อาจแก้ไขได้ จึงอาจแสดงชื่อ ใบหน้า และเอกสารของผู้เสียหาย',
  originalsNone:
    'ไม่มีไฟล์ต้นฉบับรวมอยู่ (ตามที่เจ้าหน้าที่เลือก) มีค่า SHA-256 เมื่อรับเข้าและเมื่อส่งออกของวัตถุพยานแต่ละรายการ',
  originalsSome: (left, total) =>
    `ไฟล์ต้นฉบับรวมไว้ตามที่รับเข้ามาโดยไม่มีการปกปิด เจ้าหน้าที่เลือกไม่รวมต้นฉบับที่ระบุชื่อผู้เสียหาย: ไม่รวม ${left} จาก ${total} รายการ แต่ยังแสดงค่าแฮชไว้`,
  typedPseudonymised: (n) =>
    `คำให้การที่พิมพ์ ${n} รายการเป็นบันทึกของเจ้าหน้าที่เอง ไม่ใช่พยานหลักฐานที่ยึดมา: ผู้เสียหายถูกแทนด้วยนามแฝงเช่นเดียวกับข้อความของแต่ละหน้า`,
};

export const REPORT_STRINGS: Readonly<Record<ReportLanguage, ReportStrings>> = { en, km, th };
