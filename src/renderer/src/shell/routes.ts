/** The main views, in sidebar order (Alt+1..7). */
export const VIEWS = [
  'cases',
  'evidence',
  'entities',
  'network',
  'search',
  'audit',
  'exchange',
] as const;
/** Every place the hash can name: the main views plus the vault settings and the bundle. */
export const ROUTES = [...VIEWS, 'settings', 'bundle'] as const;
export type ViewName = (typeof ROUTES)[number];

export function isViewName(value: string): value is ViewName {
  return (ROUTES as readonly string[]).includes(value);
}

/** The view named by the location hash (#/evidence, #/evidence/<id>, #/exchange?victim=<id>). */
export function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isViewName(name) ? name : 'cases';
}
