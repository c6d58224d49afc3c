/** The organizer's announcements of this visit, newest first (they also stay in the chat log); a new one is announced politely. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOUNCE_FROM } from '../../net/bindRoom';
import { useStore } from '../../store';
import { NS } from './locales';

export function CatalogAnnouncements() {
  const { t } = useTranslation(NS);
  const messages = useStore((s) => s.messages);
  const list = useMemo(() => messages.filter((m) => m.from === ANNOUNCE_FROM).reverse(), [messages]);
  return (
    <section id="catalog-announcements" className="catalog-section" aria-labelledby="catalog-announcements-title" tabIndex={-1}>
      <h2 id="catalog-announcements-title">{t('announcements.title')}</h2>
      <div aria-live="polite" data-testid="catalog-announcements">
        {list.length === 0 ? (
          <p className="muted">{t('announcements.none')}</p>
        ) : (
          <ul className="catalog-announcements">
            {list.map((m) => (
              <li key={m.id} data-testid="catalog-announcement">
                {m.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
