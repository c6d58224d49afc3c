/**
 * The hall's booths as a list, each with what it shows at a glance and a button that opens the
 * hall's own booth panel (ui/booth/BoothPanel, `flat`: no reactions, which need one to stand at
 * the booth) with everything in it: products, pictures, video, brochure, website, staff on duty,
 * and ask staff, leave a card (with its consent notice) and book a meeting. The panel takes the
 * focus when it opens, Escape or its × closes it, and the focus goes back to the booth's button.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { useStore } from '../../store';
import { BoothPanel } from '../booth/BoothPanel';
import { followHallBooths } from '../booth/boothFeed';
import { NS } from './locales';

export function CatalogBooths({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const booths = useStore((s) => s.booths);
  const status = useStore((s) => s.boothsStatus);
  const openId = useStore((s) => (s.card?.kind === 'booth' ? s.card.id : null));
  const [attempt, setAttempt] = useState(0);
  const opener = useRef<string | null>(null);
  const detail = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stop = followHallBooths(hallId);
    return () => {
      stop();
      useStore.setState({ booths: {}, boothsHall: null, boothsStatus: 'idle', directoryOpen: false });
      useStore.getState().closeBoothPanel();
    };
  }, [hallId, attempt]);

  const list = useMemo(
    () => Object.values(booths).sort((a, b) => pick(a.exhibitor.name, lang).localeCompare(pick(b.exhibitor.name, lang), lang)),
    [booths, lang],
  );

  // opened: the panel takes the focus (and scrolls into view); closed: back to the booth's button
  useEffect(() => {
    if (openId) {
      const panel = detail.current?.querySelector<HTMLElement>('[data-testid="booth-panel"]');
      if (panel) {
        panel.tabIndex = -1;
        panel.focus();
      }
      return;
    }
    const id = opener.current;
    opener.current = null;
    if (id) document.querySelector<HTMLElement>(`[data-catalog-open="${CSS.escape(id)}"]`)?.focus();
  }, [openId]);

  const open = (id: string) => {
    opener.current = id;
    if (openId === id) {
      detail.current?.querySelector<HTMLElement>('[data-testid="booth-panel"]')?.focus();
      return;
    }
    useStore.getState().openBoothPanel(id, 'click');
  };

  // Escape in the booth panel itself closes it (its dialogs have their own close)
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !openId) return;
    const inPanel = (e.target as HTMLElement).closest('[data-testid="booth-panel"]');
    if (!inPanel) return;
    e.preventDefault();
    useStore.getState().closeBoothPanel();
  };

  return (
    <section id="catalog-booths" className="catalog-section" aria-labelledby="catalog-booths-title" tabIndex={-1}>
      <h2 id="catalog-booths-title">{t('booths.title')}</h2>
      {status === 'error' ? (
        <p role="alert">
          {t('booths.failed')}{' '}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </p>
      ) : status !== 'ready' ? (
        <p className="muted">{t('booths.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('booths.empty')}</p>
      ) : (
        <p className="muted">{t('booths.count', { count: list.length })}</p>
      )}
      <div className="catalog-booths-layout">
        <ul className="catalog-booths" data-testid="catalog-booths">
          {list.map((b) => {
            const name = pick(b.exhibitor.name, lang);
            const isOpen = openId === b.id;
            return (
              <li key={b.id} className={isOpen ? 'catalog-booth open' : 'catalog-booth'} data-booth={b.id} style={{ borderLeftColor: b.colors.primary }}>
                {b.exhibitor.logo ? (
                  <img src={b.exhibitor.logo.url} alt="" width={48} height={48} loading="lazy" />
                ) : (
                  <span className="booth-logo placeholder small" style={{ background: b.colors.primary }} aria-hidden="true">
                    {[...name][0]}
                  </span>
                )}
                <div className="catalog-booth-text">
                  <h3>{name}</h3>
                  <p>{pick(b.title, lang)}</p>
                  <p className="booth-tags">
                    <span>{t(`industries.${b.exhibitor.industry}`, { ns: 'translation' })}</span>
                    <span>{t(`parks.${b.exhibitor.park}`, { ns: 'translation' })}</span>
                    {b.products.length > 0 && <span>{t('booths.products', { count: b.products.length })}</span>}
                  </p>
                  <p className={b.staffOnDuty ? 'duty on' : 'duty'}>
                    <span className="dot" aria-hidden="true" />
                    {b.staffOnDuty ? t('booths.staffOn') : t('booths.staffAway')}
                  </p>
                </div>
                <button
                  type="button"
                  className={isOpen ? 'primary' : undefined}
                  aria-label={t(isOpen ? 'booths.openedLabel' : 'booths.openLabel', { name })}
                  aria-expanded={isOpen}
                  aria-controls="catalog-booth-detail"
                  data-catalog-open={b.id}
                  data-testid="catalog-open-booth"
                  onClick={() => open(b.id)}
                >
                  {isOpen ? t('booths.opened') : t('booths.open')}
                </button>
              </li>
            );
          })}
        </ul>
        {/* the booth panel and its dialogs (leave a card, book a meeting, ask staff) live here for the page's whole life */}
        <div id="catalog-booth-detail" className="catalog-booth-detail" ref={detail} onKeyDown={onKeyDown} aria-label={t('booths.detail')} role="region">
          <BoothPanel hallId={hallId} flat />
          {openId && <p className="muted catalog-note">{t('booths.reactNote')}</p>}
        </div>
      </div>
    </section>
  );
}
