/** Over every page when this client is older than the server and a reload did not fix it (versionCheck.ts). */
import { useTranslation } from 'react-i18next';
import { useClientOutdated } from './updateState';
import './pwa.css';

export function UpdateNotice() {
  const { t } = useTranslation();
  const outdated = useClientOutdated();
  if (!outdated) return null;
  return (
    <div className="update-notice" role="alert" data-testid="update-notice">
      <p>{t('pwa.outdated')}</p>
      <button className="primary" onClick={() => window.location.reload()}>
        {t('pwa.reload')}
      </button>
    </div>
  );
}
