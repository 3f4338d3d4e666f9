/** English strings of the Evidence view. */
export const evidence = {
  title: 'Evidence',
  emptyTitle: 'No evidence in this case',
  emptyBody:
    'Open a case first, then drop seized photos, scans, ledgers and PDFs here. Each file is hashed, stored encrypted and read by OCR.',
} as const;
