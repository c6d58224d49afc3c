import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Self-hosted Noto Sans SC: the browser loads only the unicode-range slices a page uses.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { i18nReady } from './i18n';
import './ui/styles.css';
import { App } from './App';
import { installProbe } from './debug';
import { registerServiceWorker } from './pwa/registerSw';
import { checkServerVersion } from './pwa/versionCheck';

installProbe();
// repeat visits from the SW's cache, and never an old client against a newer server (client/src/pwa/)
registerServiceWorker();
void checkServerVersion();

// at once in Chinese; in English once its chunk is there, so no page flashes the other language
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
