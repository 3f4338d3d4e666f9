/**
 * English sentences for the errors core raises, by their key (src/core/errors.ts). `{{detail}}`
 * is core's own English message where a key covers several cases.
 */
export const errors = {
  unknown: 'Something went wrong: {{message}}',
  vault: {
    wrongPassphrase: 'That passphrase does not open this vault. Nothing was changed; try again.',
    locked: 'The vault is locked. Unlock it to continue.',
    notFound: 'There is no vault named “{{vault}}” on this computer.',
    exists: 'A vault named “{{vault}}” already exists on this computer: choose another name.',
    weakPassphrase: 'The passphrase is too weak: {{problems}}',
    invalidInput: 'The vault refused this input: {{detail}}',
    recordUnreadable:
      'A record ({{table}}) cannot be decrypted: it was altered or damaged ({{reason}}). The rest of the vault is unaffected.',
    fileDamaged: 'Stored file {{file}} is damaged ({{reason}}): its content cannot be trusted.',
    fileNotFound: 'Stored file {{file}} is not in this vault.',
    backupFormat: 'This is not a usable vault backup: {{detail}}',
    rowCodec: 'This value cannot be stored in the vault: {{detail}}',
  },
  cases: {
    notFound: 'This case ({{caseId}}) is not in the vault; it may have been purged.',
    refused: 'The case was not changed: {{detail}}',
  },
  entities: { refused: 'Not saved: {{detail}}' },
  evidence: { refused: 'The evidence was not changed: {{detail}}' },
  bundle: {
    refused: 'The bundle cannot be made: {{detail}}',
    cancelled: 'The export was cancelled; nothing was saved or recorded.',
    zipBomb:
      '{{path}} in the bundle inflates to far more than its size allows, so it was not opened.',
    zipCorrupt: '{{path}} in the bundle is damaged: {{detail}}',
  },
  ocr: {
    input: 'OCR cannot read this: {{detail}}',
    engine: 'The OCR engine failed: {{detail}}',
    cancelled: 'OCR was cancelled.',
  },
  graph: { input: 'The network cannot be analysed: {{detail}}' },
  csvimport: {
    refused: 'The file cannot be imported: {{detail}}',
    cancelled: 'The import was cancelled; nothing was kept.',
  },
  exchange: {
    badKeyFile: 'This is not a partner’s public key file.',
    ownKey: 'This is your own agency’s key, not a partner’s.',
    notConfirmed: 'Confirm the fingerprints with the partner first.',
    partnerExists: 'This partner agency is already added.',
    badPackage: 'This is not an exchange package, or it is damaged.',
    unknownPartner:
      'This package comes from an agency that is not one of your partner agencies. Import their public key file and confirm its fingerprint first.',
    changedKey:
      'This package is signed with a different key from the one confirmed for this partner: do not trust it until you have checked with them.',
    badSignature:
      'The package’s signature is not valid: it was altered or not made by the partner.',
    notForUs: 'This package was made for another agency.',
    decryptFailed: 'The package cannot be decrypted with your key.',
    noMatchKey: 'There is no shared match-only key with this partner yet.',
    matchKeyMismatch: 'This match-only package was made with another shared key.',
    badMatchKey: 'A shared key is 64 hexadecimal digits.',
    noRecords: 'There are no records to export.',
    invalidRecord: 'A record in the package is not valid.',
    notFound: 'That record or partner no longer exists.',
  },
  intake: {
    empty: '{{file}} was refused: the file is empty ({{problem}}).',
    'unsupported-type': '{{file}} was refused: this type of file is not supported ({{problem}}).',
    truncated: '{{file}} was refused: the file is cut short ({{problem}}).',
    corrupt: '{{file}} was refused: the file is damaged ({{problem}}).',
    'too-many-pixels': '{{file}} was refused: the image is too large ({{problem}}).',
    'too-large': '{{file}} was refused: the file is too large ({{problem}}).',
    'password-protected': '{{file}} was refused: it is protected by a password ({{problem}}).',
    cancelled: '{{file}} was not taken in: the intake was cancelled.',
  },
} as const;
