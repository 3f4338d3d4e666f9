/** English strings of the Search view. */
export const search = {
  title: 'Search',
  emptyTitle: 'Search a case',
  emptyBody:
    'Search finds names, phone numbers, accounts and words across every page, entity and note of the open case, in Latin, Thai and Khmer script.',
  placeholder: 'Search names, phones, accounts, words…',
  label: 'Search the open case',
  keyboardHint:
    'Press / to search from anywhere in this view, ↑ and ↓ to move through results, Enter to open one.',
  indexing: 'Preparing the search of this case…',
  indexed_one: '{{count}} page, name or note can be searched.',
  indexed_other: '{{count}} pages, names and notes can be searched.',
  nothingIndexedTitle: 'Nothing to search yet',
  nothingIndexedBody:
    'This case has no page texts, people or notes yet. Add evidence (its pages are read by OCR) or people and links, and they become searchable at once.',
  noResultsTitle: 'No results for “{{query}}”',
  noResultsBody:
    'Every word you type must appear in the same page, name or note. Try fewer words, another spelling, or the name in another script.',
  groups: {
    page: 'Pages',
    entity: 'People and entities',
    note: 'Notes',
  },
  groupCount: '{{shown}} of {{total}}',
  pageTitle: 'Exhibit {{exhibit}}, page {{page}}',
  unknownExhibit: 'unknown exhibit',
  unnamed: '(no name)',
  noteOfEntity: 'Note on {{name}}',
  noteOfLink: 'Note on the link {{source}} – {{target}}',
  failed: 'The search could not be prepared: {{message}}',
} as const;
