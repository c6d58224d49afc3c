import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Self-hosted Noto Sans SC: the browser loads only the unicode-range slices a page uses.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './i18n';
import './ui/styles.css';
import { App } from './App';
import { installProbe } from './debug';

installProbe();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
