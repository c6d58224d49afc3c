import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOUNCE_FROM } from '../net/bindRoom';
import { useStore } from '../store';
import { Slot } from './layout/Overlay';

const SHOW_MS = 15_000;

/** An organizer's announcement shows as a banner for a while (it also stays in the chat log). */
export function AnnouncementBanner() {
  const { t } = useTranslation();
  const latest = useStore((s) => {
    for (let i = s.messages.length - 1; i >= 0; i--) if (s.messages[i].from === ANNOUNCE_FROM) return s.messages[i];
    return null;
  });
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!latest) return;
    setNow(Date.now());
    const id = setTimeout(() => setNow(Date.now()), SHOW_MS);
    return () => clearTimeout(id);
  }, [latest]);

  const latestId = latest?.id ?? null;
  const dismiss = useCallback(() => setDismissed(latestId), [latestId]);

  // Only fresh ones (`at` is the local arrival time, set in bindRoom).
  if (!latest || latest.id === dismissed || now - latest.at > SHOW_MS) return null;
  return (
    <Slot id="announcement" onClose={dismiss}>
      <div className="announcement" role="alert" data-testid="announcement">
        <strong>{t('hud.announcement')}</strong>
        <span>{latest.text}</span>
        <button type="button" className="ghost" aria-label={t('hud.dismiss')} onClick={dismiss}>
          ×
        </button>
      </div>
    </Slot>
  );
}
