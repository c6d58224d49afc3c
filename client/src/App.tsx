import { lazy, Suspense } from 'react';
import { isHallId } from '../../shared/halls';
import { usePath } from './router';
import { Landing } from './ui/Landing';
import { HallPage } from './ui/HallPage';
import { UpdateNotice } from './pwa/UpdateNotice';

// The consoles load only when visited: visitors never download them.
const ConsolePage = lazy(() => import('./ui/console/ConsolePage'));
const OrganizerPage = lazy(() => import('./ui/console/OrganizerPage'));
// The privacy centre too: its own small chunk, opened from the hall in a new tab.
const PrivacyPage = lazy(() => import('./ui/privacy/PrivacyPage'));
// the public agenda (issue #11): its own chunk
const AgendaPage = lazy(() => import('./ui/agenda/AgendaPage'));
// the souvenir verify page (issue #12): public, its own chunk (with the QR code library)
const VerifyPage = lazy(() => import('./ui/verify/VerifyPage'));
// the hall's 2D catalog (issue #13): its own chunk, with no three.js in it
const CatalogPage = lazy(() => import('./ui/catalog/CatalogPage'));

export function App() {
  // over every page: this client is older than the server (client/src/pwa/versionCheck.ts)
  return (
    <>
      <Page />
      <UpdateNotice />
    </>
  );
}

function Page() {
  const path = usePath();
  const m = /^\/hall\/([a-z0-9-]+)\/?$/.exec(path);
  if (m && isHallId(m[1])) return <HallPage key={m[1]} hallId={m[1]} />;
  const catalog = /^\/hall\/([a-z0-9-]+)\/2d\/?$/.exec(path);
  if (catalog && isHallId(catalog[1]))
    return (
      <Suspense fallback={null}>
        <CatalogPage key={catalog[1]} hallId={catalog[1]} />
      </Suspense>
    );
  if (/^\/exhibitor\/?$/.test(path))
    return (
      <Suspense fallback={null}>
        <ConsolePage />
      </Suspense>
    );
  if (/^\/organizer\/?$/.test(path))
    return (
      <Suspense fallback={null}>
        <OrganizerPage />
      </Suspense>
    );
  if (/^\/privacy\/?$/.test(path))
    return (
      <Suspense fallback={null}>
        <PrivacyPage />
      </Suspense>
    );
  if (/^\/agenda\/?$/.test(path))
    return (
      <Suspense fallback={null}>
        <AgendaPage />
      </Suspense>
    );
  const verify = /^\/verify\/([a-z0-9]{20})\/?$/.exec(path);
  if (verify)
    return (
      <Suspense fallback={null}>
        <VerifyPage souvenirId={verify[1]} />
      </Suspense>
    );
  return <Landing />;
}
