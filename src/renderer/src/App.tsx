import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from './platform';
import { VIEWS, type ViewName } from './shell/routes';
import { Sidebar } from './shell/Sidebar';
import { useRoute } from './shell/useRoute';
import { AuditView } from './views/AuditView';
import { BundleView } from './views/BundleView';
import { EntitiesView } from './views/EntitiesView';
import { ExchangeView } from './views/ExchangeView';
import { CasesView } from './views/CasesView';
import { EvidenceView } from './views/EvidenceView';
import { NetworkView } from './views/NetworkView';
import { SearchView } from './views/SearchView';
import { SettingsView } from './views/SettingsView';
import { VaultGate } from './vault/VaultGate';

const VIEW_COMPONENTS: Readonly<Record<ViewName, () => ReactNode>> = {
  cases: CasesView,
  evidence: EvidenceView,
  entities: EntitiesView,
  network: NetworkView,
  search: SearchView,
  audit: AuditView,
  exchange: ExchangeView,
  settings: SettingsView,
  bundle: BundleView,
};

export function App(): ReactNode {
  return (
    <VaultGate>
      <Workbench />
    </VaultGate>
  );
}

function Workbench(): ReactNode {
  const { t } = useTranslation();
  const [view, navigate] = useRoute();
  const [mode, setMode] = useState<string>('browser');
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void platform.appInfo().then((info) => setMode(info.mode));
  }, []);

  // Alt+1..7 jump to a view from anywhere.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number.parseInt(event.key, 10) - 1;
      const target = VIEWS[index];
      if (target !== undefined) {
        event.preventDefault();
        navigate(target);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  useEffect(() => {
    document.title = `${t(`nav.${view}`)} · ${t('app.name')}`;
  }, [view, t]);

  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={() => mainRef.current?.focus()}>
        {t('app.skipToContent')}
      </a>
      <Sidebar current={view} onNavigate={navigate} mode={mode} />
      <main id="main" ref={mainRef} tabIndex={-1} data-testid={`view-${view}`}>
        <View />
      </main>
    </div>
  );
}
