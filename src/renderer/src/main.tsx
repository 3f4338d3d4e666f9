import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/600.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { keepFieldsOutOfBrowserStores } from './shell/formPrivacy';

async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (container === null) throw new Error('The page has no #root element');
  // Before anything renders: dialogs and every later field are covered too.
  keepFieldsOutOfBrowserStores(document.body);
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // End-to-end tests wait for this instead of sleeping.
  document.documentElement.dataset['ready'] = 'true';
  window.dispatchEvent(new Event('ringtrace:ready'));
}

void start();
