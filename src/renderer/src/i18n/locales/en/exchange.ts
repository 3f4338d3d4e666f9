/** English strings of the Exchange view. */
export const exchange = {
  title: 'Exchange',
  emptyTitle: 'No partner agencies yet',
  emptyBody:
    'Exchange victim-identification records with a partner agency across the border: add the partner by importing its public key and confirming its fingerprint with them by phone.',
} as const;
