/** A request the entity store refuses, with a message that names the problem for the user. */
export class EntityStoreError extends Error {
  override readonly name = 'EntityStoreError';
}
