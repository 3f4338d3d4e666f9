export * from './ids';
export * from './case';
export * from './appearance';
export * from './roles';
export * from './names';
