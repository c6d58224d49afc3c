import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { useStore } from '../store';
import { joinHall } from '../net/connection';

/**
 * The status that shows as a line in the overlay's notice row (ui/Notices.tsx) rather than over
 * everything: joining again or reconnecting, once the hall is on screen. The first join is a step
 * of the loading screen (ui/loading/HallLoading).
 */
export function useStatusLine(): 'joining' | 'reconnecting' | null {
  const status = useStore((s) => s.status);
  const loaderDone = useStore((s) => s.hallShown);
  if (status === 'reconnecting' || (status === 'joining' && loaderDone)) return status;
  return null;
}

/** Joining again / reconnecting, as one line: the hall stays usable around it. */
export function StatusBanner() {
  const { t } = useTranslation();
  const line = useStatusLine();
  if (!line) return null;
  return (
    <div className="status-banner" role="status" data-testid={`status-${line}`}>
      <span className="spinner" aria-hidden="true" /> {t(`status.${line}`)}
    </div>
  );
}

/** Lost connection, an outdated client, errors: over the whole hall, with a way on. */
export function StatusOverlay() {
  const { t } = useTranslation();
  const status = useStore((s) => s.status);
  const errorKey = useStore((s) => s.errorKey);
  const hallId = useStore((s) => s.hallId);
  const profile = useStore((s) => s.profile);

  if (status === 'joined' || status === 'idle' || status === 'joining' || status === 'reconnecting') return null;
  return (
    <div className="status-overlay" role="alertdialog" data-testid={`status-${status}`}>
      <p>{t(errorKey ?? 'errors.network')}</p>
      <div className="row">
        {status === 'outdated' ? (
          <button className="primary" onClick={() => window.location.reload()}>
            {t('status.reload')}
          </button>
        ) : (
          hallId &&
          profile &&
          // a refused name fails the same way again: only "back" (to change it) helps
          !errorKey?.startsWith('errors.name.') && (
            <button className="primary" onClick={() => void joinHall(hallId, profile)}>
              {t('status.retry')}
            </button>
          )
        )}
        <button onClick={() => navigate('/')}>{t('status.back')}</button>
      </div>
    </div>
  );
}
