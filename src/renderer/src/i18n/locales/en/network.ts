/** English strings of the Network view. */
export const network = {
  title: 'Network',
  emptyTitle: 'Nothing to draw yet',
  emptyBody:
    'The network shows the people, phones and accounts of a case and the links between them. Add entities from your evidence, or import a FollowTheMoney file.',
} as const;
