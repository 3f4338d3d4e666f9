import { bundle } from './en/bundle';
import { entities } from './en/entities';
import { evidence } from './en/evidence';
import { exchange } from './en/exchange';
import { model } from './en/model';
import { network } from './en/network';
import { search } from './en/search';

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
    loading: 'Loading…',
    shortcutHint: 'Alt+{{number}}',
  },
  nav: {
    cases: 'Cases',
    evidence: 'Evidence',
    entities: 'People and links',
    network: 'Network',
    search: 'Search',
    audit: 'Audit',
    exchange: 'Exchange',
    settings: 'Vault and users',
    bundle: 'Evidence bundle',
  },
  common: {
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    confirm: 'Confirm',
    working: 'Working…',
    required: 'Required',
    error: 'Something went wrong: {{message}}',
  },
  vault: {
    createTitle: 'Create your vault',
    createIntro:
      'Everything you record in Ringtrace is encrypted on this computer with a key that only your passphrase opens. Nobody, including the Ringtrace developers, can recover a forgotten passphrase: keep it somewhere safe.',
    name: 'Vault name',
    identityTitle: 'Who you are',
    identityIntro:
      'Your name, agency and badge number are recorded on every change you make and every custody entry.',
    actorName: 'Full name',
    agency: 'Agency',
    badge: 'Badge number',
    passphrase: 'Passphrase',
    passphraseRepeat: 'Repeat the passphrase',
    passphraseMismatch: 'The two passphrases differ.',
    strength: 'Strength: {{label}} ({{bits}} bits)',
    strengthLabels: {
      '0': 'very weak',
      '1': 'weak',
      '2': 'fair',
      '3': 'strong',
      '4': 'very strong',
    },
    problems: {
      tooShort: 'Use at least {{min}} characters.',
      tooFewKinds: 'Mix words, capitals, digits or symbols.',
      repeated: 'Avoid repeating the same characters.',
      sequence: 'Avoid runs like "abcd" or "1234".',
      common: 'Avoid well-known passwords and keyboard patterns.',
      lowEntropy: 'Make it longer: several unrelated words work well.',
    },
    create: 'Create vault',
    creating: 'Deriving the key and creating the vault…',
    unlockTitle: 'Unlock your vault',
    unlockIntro: 'Enter your passphrase. The vault stays unreadable on disk until you do.',
    chooseVault: 'Vault',
    unlock: 'Unlock',
    unlocking: 'Unlocking…',
    wrongPassphrase: 'That passphrase does not open this vault. Nothing was changed; try again.',
    keySlotDamaged:
      'The key slot of this vault is damaged ({{reason}}); the passphrase was not the problem. Restore the vault from a backup, or unlock with another user’s passphrase.',
    backupDamaged:
      'This backup is damaged: its key slot {{reason}}. Nothing was restored; use another copy of the backup.',
    integrity: {
      title: 'This vault was changed outside Ringtrace.',
      whatToDo:
        'Exports are refused until this is resolved: restore the vault from a backup made before the change, or, if you know why these records changed, accept the current state.',
      accept: 'Accept the current state',
      acceptTitle: 'Accept the vault as it is now?',
      acceptMessage:
        'The records named above stay as they are now (removed, added or rolled back), and the vault takes this as its state from here on. Your acceptance and what was reported are recorded in the audit log.',
    },
    integrityFailed:
      '{{details}} Nothing was exported. Restore the vault from a backup made before the change, or, if you know why these records changed, accept the current state under Vault and users (recorded in the audit log).',
    lock: 'Lock',
    lockedIdle: 'The vault was locked after {{minutes}} minutes without activity.',
    restoreTitle: 'Restore a backup',
    restoreIntro:
      'Restore a vault backup file made with “Back up vault” into a new vault on this computer, with the passphrase of any user of that vault.',
    restoreFile: 'Backup file',
    restoreName: 'Name for the restored vault',
    restore: 'Restore',
    restoring: 'Restoring…',
    restored: 'The backup was restored.',
    orRestore: 'Restore a backup instead',
    orCreate: 'Create a new vault instead',
    backToUnlock: 'Back to unlock',
    newVault: 'Create another vault',
  },
  settings: {
    title: 'Vault and users',
    nav: 'Vault and users',
    signedInAs: 'Unlocked by {{name}} ({{agency}}, badge {{badge}})',
    usersTitle: 'Users of this vault',
    usersIntro:
      'Each user of this workstation has their own passphrase and identity; all of them open the same data. Adding or removing a user re-encrypts nothing.',
    you: 'you',
    addedOn: 'added {{date}}',
    addUser: 'Add a user',
    addUserTitle: 'Add a user to this vault',
    removeUser: 'Remove',
    removeUserConfirm:
      'Remove {{name}} from this vault? Their passphrase will no longer open it. Their past entries stay in the audit log.',
    lastUser: 'The last user cannot be removed.',
    changePassphrase: 'Change your passphrase',
    currentPassphrase: 'Current passphrase',
    newPassphrase: 'New passphrase',
    passphraseChanged: 'Your passphrase was changed.',
    idleTitle: 'Lock when idle',
    idleMinutes: 'Lock after this many minutes without activity',
    idleSaved: 'Saved: the vault locks after {{minutes}} idle minutes.',
    backupTitle: 'Back up the vault',
    backupIntro:
      'One encrypted file with every case, record and file. It opens only with the passphrase of one of the users above. The export is recorded in the audit log.',
    backup: 'Back up vault',
    backupDone: 'Backup saved ({{size}}).',
    signingTitle: 'Signing key',
    signingIntro:
      'Evidence bundles are signed with this key. Give its fingerprint to the court separately, so that they can check that a bundle came from this vault.',
    fingerprint: 'Fingerprint',
  },
  cases: {
    title: 'Cases',
    emptyTitle: 'No cases yet',
    emptyBody:
      'A case holds the evidence, people and links of one investigation. Create your first case to start: give it a reference and a title.',
    newCase: 'New case',
    newCaseTitle: 'New case',
    editCaseTitle: 'Edit case',
    reference: 'Reference',
    referenceHint: 'e.g. KH-2024-017',
    caseTitle: 'Title',
    summary: 'Summary',
    status: 'Status',
    statuses: { open: 'Open', closed: 'Closed', archived: 'Archived' },
    updated: 'Updated',
    open: 'Open',
    current: 'Current case',
    edit: 'Edit',
    bundle: 'Bundle',
    bundleHint: 'Export a signed evidence bundle of this case for the prosecutor',
    delete: 'Delete',
    deleteConfirm:
      'Move case {{reference}} “{{title}}” to the bin? Nothing is removed yet: you can restore it from the bin until it is purged.',
    bin: 'Bin',
    active: 'Cases',
    binEmpty: 'The bin is empty.',
    restore: 'Restore',
    purge: 'Purge',
    purgeConfirm:
      'Purge case {{reference}} for good? Every record, file and page of this case is removed and cannot be recovered. The audit log keeps the record of the purge. Type the reference to confirm.',
    purgeTypeReference: 'Type {{reference}} to confirm',
    purged: 'Case {{reference}} was purged.',
    deleted: 'Case {{reference}} was moved to the bin.',
    undo: 'Undo',
    unreadable:
      '{{count}} case record(s) could not be decrypted and are not shown: {{records}}. The rest of the vault is unaffected.',
    noCaseOpen: 'No case is open',
    noCaseOpenBody: 'Open or create a case in Cases first.',
    goToCases: 'Go to Cases',
  },
  evidence,
  network,
  search,
  model,
  entities,
  exchange,
  bundle,
  audit: {
    title: 'Audit',
    emptyTitle: 'No audit entries yet',
    emptyBody:
      'Every change to the vault is recorded here, each entry sealed to the one before it, so that any edit or deletion of history shows.',
    verify: 'Verify audit log',
    verifying: 'Verifying…',
    intact: 'The audit log is intact: {{count}} entries, each sealed to the one before.',
    broken:
      'The audit log is NOT intact. First problem at entry {{seq}} ({{problem}}): {{message}}',
    problems: {
      altered: 'altered',
      removed: 'removed',
      reordered: 'reordered',
      unreadable: 'unreadable',
      tailRemoved: 'entries removed from the end',
      headMissing: 'chain head missing',
      wiped: 'log wiped',
      rolledBack: 'log rolled back',
    },
    seq: '#',
    at: 'When',
    actor: 'Who',
    action: 'Action',
    summary: 'What',
    filterAll: 'All cases',
    filterCase: 'This case only',
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
