import { useCallback, useEffect, useState } from 'react';
import { viewFromHash, type ViewName } from './routes';

/** The current view, kept in the location hash so that back and forward work. */
export function useRoute(): [ViewName, (view: ViewName) => void] {
  const [view, setView] = useState<ViewName>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = (): void => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = useCallback((next: ViewName) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [view, navigate];
}
