/** English, the complete reference locale: every key of the UI is here. */
export const en = {
  app: {
    name: 'Ringtrace',
    tagline: 'Evidence and investigation workbench',
    skipToContent: 'Skip to content',
    browserMode: 'Browser mode',
    desktopMode: 'Desktop',
    language: 'Language',
    mainNavigation: 'Main navigation',
    shortcutHint: 'Alt+{{number}}',
  },
  nav: {
    cases: 'Cases',
    evidence: 'Evidence',
    network: 'Network',
    search: 'Search',
    audit: 'Audit',
  },
  cases: {
    title: 'Cases',
    emptyTitle: 'No cases yet',
    emptyBody:
      'A case holds the evidence, people and links of one investigation. Create your first case to start: give it a reference and a title.',
  },
  evidence: {
    title: 'Evidence',
    emptyTitle: 'No evidence in this case',
    emptyBody:
      'Open a case first, then drop seized photos, scans, ledgers and PDFs here. Each file is hashed, stored encrypted and read by OCR.',
  },
  network: {
    title: 'Network',
    emptyTitle: 'Nothing to draw yet',
    emptyBody:
      'The network shows the people, phones and accounts of a case and the links between them. Add entities from your evidence, or import a FollowTheMoney file.',
  },
  search: {
    title: 'Search',
    emptyTitle: 'Search a case',
    emptyBody:
      'Search finds names, phone numbers, accounts and words across every page, entity and note of the open case, in Latin, Thai and Khmer script.',
    placeholder: 'Search names, phones, accounts, words…',
  },
  audit: {
    title: 'Audit',
    emptyTitle: 'No audit entries yet',
    emptyBody:
      'Every change to the vault is recorded here, each entry sealed to the one before it, so that any edit or deletion of history shows.',
  },
  languages: {
    en: 'English',
    km: 'ខ្មែរ (Khmer)',
    th: 'ไทย (Thai)',
  },
} as const;

/** The shape every locale follows; other locales may leave keys out and fall back to English. */
export type Messages = typeof en;
type DeepPartialStrings<T> = {
  [K in keyof T]?: T[K] extends string ? string : DeepPartialStrings<T[K]>;
};
export type PartialMessages = DeepPartialStrings<Messages>;
