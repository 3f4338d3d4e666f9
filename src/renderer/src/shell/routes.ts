export const VIEWS = ['cases', 'evidence', 'network', 'search', 'audit'] as const;
export type ViewName = (typeof VIEWS)[number];

export function isViewName(value: string): value is ViewName {
  return (VIEWS as readonly string[]).includes(value);
}

/** The view named by the location hash (#/evidence), or cases by default. */
export function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isViewName(name) ? name : 'cases';
}
