/**
 * The catalog once the visitor has a name: joined to the hall room as a seated 2D visitor, the
 * booth feed followed, and every section of the page. The hall's own panels (booth panel, its
 * dialogs, chat, auction, notices) are reused as they are, laid out in document flow (FlowLayout).
 */
import { lazy, Suspense, useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { joinHall, leaveHall } from '../../net/connection';
import { catalogPath, hallPath, navigate } from '../../router';
import type { Profile } from '../../store/sessionSlice';
import { Chat } from '../Chat';
import { LanguageSwitch } from '../LanguageSwitch';
import { Notices } from '../Notices';
import { FlowLayout } from '../layout/Overlay';
import { useAuction } from '../auction/auctionStore';
import { CatalogBooths } from './CatalogBooths';
import { CatalogLandmarks } from './CatalogLandmarks';
import { CatalogStage } from './CatalogStage';
import { CatalogAnnouncements } from './CatalogAnnouncements';
import { CatalogPassport } from './CatalogPassport';
import { CatalogStatus } from './CatalogStatus';
import { CatalogVisitors } from './CatalogVisitors';
import { NS } from './locales';
import '../booth/booth.css';

// the auction panel is the hall's own (ui/auction), in its own chunk as in the hall
const HallAuction = lazy(() => import('../auction/HallAuction'));

const SECTIONS = ['announcements', 'booths', 'landmarks', 'stage', 'passport', 'auction', 'chat'] as const;

/** A link inside the app: a real href (open in a new tab, share), the click handled without a reload. */
function AppLink({ to, children, testId }: { to: string; children: string; testId?: string }) {
  return (
    <a
      href={to}
      data-testid={testId}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function CatalogHall({ hallId, profile }: { hallId: HallId; profile: Profile }) {
  const { t } = useTranslation(NS);
  const hall = t(`halls.${hallId}`, { ns: 'translation' });
  const auctionLots = useAuction((s) => s.lots.length);

  useEffect(() => {
    void joinHall(hallId, profile, '2d');
    return () => void leaveHall();
    // The profile is fixed for the life of this page; a new hall remounts (key in App).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hallId]);

  useEffect(() => {
    const before = document.title;
    document.title = t('title', { hall });
    return () => {
      document.title = before;
    };
  }, [t, hall]);

  return (
    <FlowLayout>
      <div className="catalog" data-testid="catalog" data-hall={hallId}>
        <a className="catalog-skip" href="#catalog-main">
          {t('skipToMain')}
        </a>
        <header className="catalog-head">
          <div className="catalog-title-row">
            <h1>{t('title', { hall })}</h1>
            <LanguageSwitch />
          </div>
          <p className="catalog-intro">{t('intro')}</p>
          <p className="catalog-links">
            <AppLink to={hallPath(hallId)} testId="catalog-enter-3d">
              {t('enter3d')}
            </AppLink>
            {/* "leave": the way out of the hall, as the hall's own leave button is named (e2e teardown presses it) */}
            <AppLink to="/" testId="leave">
              {t('home')}
            </AppLink>
          </p>
          <CatalogStatus hallId={hallId} profile={profile} />
          <nav aria-label={t('sections')} className="catalog-nav">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s}>
                  <a href={`${catalogPath(hallId)}#catalog-${s}`} onClick={(e) => jumpTo(e, `catalog-${s}`)}>
                    {t(`${s}.title`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <div className="catalog-body">
          <main id="catalog-main" className="catalog-main" tabIndex={-1}>
            <CatalogAnnouncements />
            <CatalogBooths hallId={hallId} />
            <CatalogLandmarks hallId={hallId} />
            <CatalogStage hallId={hallId} />
            <CatalogPassport hallId={hallId} />
            <section id="catalog-auction" className="catalog-section" aria-labelledby="catalog-auction-title" tabIndex={-1}>
              <h2 id="catalog-auction-title">{t('auction.title')}</h2>
              {auctionLots === 0 && <p className="muted">{t('auction.none')}</p>}
              <Suspense fallback={null}>
                <HallAuction />
              </Suspense>
            </section>
          </main>
          <aside id="catalog-chat" className="catalog-side" aria-labelledby="catalog-chat-title" tabIndex={-1}>
            <h2 id="catalog-chat-title">{t('chat.title')}</h2>
            <p className="muted catalog-note">{t('chat.note')}</p>
            <Chat startOpen />
            <CatalogVisitors />
          </aside>
        </div>
        <div className="catalog-notices">
          <Notices />
        </div>
      </div>
    </FlowLayout>
  );
}

/** In-page links move the focus too (keyboard and screen reader users land in the section). */
function jumpTo(e: MouseEvent, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}
