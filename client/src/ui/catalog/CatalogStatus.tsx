/** The catalog's connection line: joining, reconnecting, in the hall with N online, or an error with a way on (retry as a 2D visitor, or home). */
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { joinHall } from '../../net/connection';
import { navigate } from '../../router';
import { useStore } from '../../store';
import type { Profile } from '../../store/sessionSlice';
import { NS } from './locales';

export function CatalogStatus({ hallId, profile }: { hallId: HallId; profile: Profile }) {
  const { t } = useTranslation(NS);
  const status = useStore((s) => s.status);
  const errorKey = useStore((s) => s.errorKey);
  const online = useStore((s) => Object.keys(s.visitors).length);
  const hall = t(`halls.${hallId}`, { ns: 'translation' });
  if (status === 'error' || status === 'outdated') {
    return (
      <div className="catalog-status problem" role="alert" data-testid={`catalog-status-${status}`}>
        <p>{t(errorKey ?? 'errors.network', { ns: 'translation' })}</p>
        <p className="row">
          {status === 'outdated' ? (
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              {t('status.reload', { ns: 'translation' })}
            </button>
          ) : (
            !errorKey?.startsWith('errors.name.') && (
              <button type="button" className="primary" onClick={() => void joinHall(hallId, profile, '2d')}>
                {t('retry')}
              </button>
            )
          )}
          <button type="button" onClick={() => navigate('/')}>
            {t('status.back', { ns: 'translation' })}
          </button>
        </p>
      </div>
    );
  }
  const line =
    status === 'joined'
      ? t('status.joined', { hall, count: online })
      : t(`status.${status === 'reconnecting' ? 'reconnecting' : status === 'joining' ? 'joining' : 'idle'}`);
  return (
    <p className="catalog-status" role="status" data-testid="catalog-status" data-status={status}>
      <span className={status === 'joined' ? 'dot on' : 'dot'} aria-hidden="true" /> {line}
    </p>
  );
}
