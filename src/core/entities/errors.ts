import type { ErrorParams } from '../errors';

/** A request the entity store refuses, with a message that names the problem for the user. */
export class EntityStoreError extends Error {
  override readonly name = 'EntityStoreError';
  readonly errorKey = 'entities.refused';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}
