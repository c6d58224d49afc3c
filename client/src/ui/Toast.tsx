import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

/** One line of transient feedback (rate limits, copied link...). */
export function Toast() {
  const { t } = useTranslation();
  const key = useStore((s) => s.toastKey);
  const params = useStore((s) => s.toastParams);
  const toast = useStore((s) => s.toast);
  useEffect(() => {
    if (!key) return;
    const id = setTimeout(() => toast(null), 3000);
    return () => clearTimeout(id);
  }, [key, toast]);
  if (!key) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {params ? t(key, params) : t(key)}
    </div>
  );
}
