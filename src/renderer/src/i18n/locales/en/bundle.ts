/** English strings of the Evidence bundle view. */
export const bundle = {
  title: 'Evidence bundle',
  emptyTitle: 'Nothing selected',
  emptyBody:
    'Pick the people, links and evidence a charge rests on, and export a signed bundle that the court can verify without Ringtrace.',
} as const;
