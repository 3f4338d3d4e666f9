import type { KeyboardEvent, ReactNode } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEWS, type ViewName } from './routes';
import { LanguageSwitch } from './LanguageSwitch';
import { CurrentCase } from './CurrentCase';
import { useSession } from '../vault/session';

type Props = Readonly<{ current: ViewName; onNavigate: (view: ViewName) => void; mode: string }>;

const ICONS: Readonly<Record<(typeof VIEWS)[number], string>> = {
  cases: '▤',
  evidence: '⎘',
  entities: '☺',
  network: '⬡',
  search: '⌕',
  audit: '✓',
  exchange: '⇄',
};

/** Arrow keys move between entries (a roving focus), Enter or Space opens one. */
export function Sidebar({ current, onNavigate, mode }: Props): ReactNode {
  const { t } = useTranslation();
  const { lock } = useSession();
  const refs = useRef<Array<HTMLAnchorElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number): void => {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (index + delta + VIEWS.length) % VIEWS.length;
    refs.current[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label={t('app.mainNavigation')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◎
        </span>
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
      </div>
      <CurrentCase />
      <ul>
        {VIEWS.map((view, index) => (
          <li key={view}>
            <a
              ref={(element) => {
                refs.current[index] = element;
              }}
              href={`#/${view}`}
              data-testid={`nav-${view}`}
              aria-current={view === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(view);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[view]}
              </span>
              <span className="nav-label">{t(`nav.${view}`)}</span>
              <kbd className="nav-shortcut">
                {t('app.shortcutHint', { number: String(index + 1) })}
              </kbd>
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <a
          href="#/settings"
          className="footer-link"
          data-testid="nav-settings"
          aria-current={current === 'settings' ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onNavigate('settings');
          }}
        >
          {t('settings.nav')}
        </a>
        <button type="button" className="lock-button" onClick={lock} data-testid="lock">
          🔒 {t('vault.lock')}
        </button>
        <LanguageSwitch />
        <div className="mode-badge" data-testid="mode-badge">
          {mode === 'browser' ? t('app.browserMode') : t('app.desktopMode')}
        </div>
      </div>
    </nav>
  );
}
