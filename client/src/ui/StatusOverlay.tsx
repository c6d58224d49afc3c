import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { useStore } from '../store';
import { joinHall } from '../net/connection';

/** Joining / reconnecting / errors: always says what is happening and offers a way on. */
export function StatusOverlay() {
  const { t } = useTranslation();
  const status = useStore((s) => s.status);
  const errorKey = useStore((s) => s.errorKey);
  const hallId = useStore((s) => s.hallId);
  const profile = useStore((s) => s.profile);
  const loaderDone = useStore((s) => s.hallShown);

  if (status === 'joined' || status === 'idle') return null;
  // The first join is a step of the loading screen (ui/loading/HallLoading).
  if (status === 'joining' && !loaderDone) return null;
  if (status === 'joining' || status === 'reconnecting') {
    return (
      <div className="status-banner" role="status" data-testid={`status-${status}`}>
        <span className="spinner" aria-hidden="true" /> {t(`status.${status}`)}
      </div>
    );
  }
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
          profile && (
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
