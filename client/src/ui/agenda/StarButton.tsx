/** A session's star: on for "remind me and keep it in my calendar file", off again with one press. */
import { useTranslation } from 'react-i18next';
import { useStars } from './starsStore';
import { NS } from './locales';

export function StarButton({ sessionId, title }: { sessionId: string; title: string }) {
  const { t } = useTranslation(NS);
  const on = useStars((s) => s.ids.includes(sessionId));
  const toggle = useStars((s) => s.toggle);
  return (
    <button
      type="button"
      className={on ? 'agenda-star on' : 'agenda-star'}
      aria-pressed={on}
      aria-label={on ? t('unstarLabel', { title }) : t('starLabel', { title })}
      data-testid="agenda-star"
      onClick={() => void toggle(sessionId)}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span> {on ? t('starred') : t('star')}
    </button>
  );
}
