/** If the hall's code cannot be loaded (offline, a new release replaced the files), say so and offer a reload. */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="status-overlay" role="alertdialog" data-testid="hall-load-failed">
      <p>{t('hallLoading.failed')}</p>
      <div className="row">
        <button className="primary" onClick={() => window.location.reload()}>
          {t('status.reload')}
        </button>
        <button onClick={() => navigate('/')}>{t('status.back')}</button>
      </div>
    </div>
  );
}

export class HallLoadError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
