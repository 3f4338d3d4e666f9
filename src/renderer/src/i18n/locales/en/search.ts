/** English strings of the Search view. */
export const search = {
  title: 'Search',
  emptyTitle: 'Search a case',
  emptyBody:
    'Search finds names, phone numbers, accounts and words across every page, entity and note of the open case, in Latin, Thai and Khmer script.',
  placeholder: 'Search names, phones, accounts, words…',
} as const;
