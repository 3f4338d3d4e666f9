/** English strings of the People and links view. */
export const entities = {
  title: 'People and links',
  emptyTitle: 'No people or links yet',
  emptyBody:
    'Entities are the people, organisations, phones, accounts and documents of a case; links say how they connect, each resting on evidence. Add one by hand, or accept what extraction finds in your evidence.',
} as const;
