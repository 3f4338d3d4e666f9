import type { Entity } from './case';

/** The roles that change how an entity is shown and exported. One definition for every view. */
export const isVictim = (entity: Pick<Entity, 'roles'>): boolean => entity.roles.includes('victim');
export const isOfficial = (entity: Pick<Entity, 'roles'>): boolean =>
  entity.roles.includes('official');
