export * from './ids';
export * from './case';
