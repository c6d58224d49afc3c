/** The toolbar's passport button (issue #12); the panel itself is a lazy chunk (PassportPanel). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { getLayout } from '../../../../shared/halls';
import { hallStamps } from '../../../../shared/passport';
import { useStore } from '../../store';
import { usePassport } from './passportStore';

/** The toolbar's button: the passport and how many of this hall's stamps one holds. */
export function PassportButton({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation();
  const open = usePassport((s) => s.open);
  const setOpen = usePassport((s) => s.setOpen);
  const earned = usePassport((s) => s.earned);
  const raise = useStore((s) => s.raisePanel);
  const stamps = hallStamps(getLayout(hallId));
  const have = stamps.filter((s) => earned.includes(s.id)).length;
  // `window.__ludao.passport()` for e2e tests: what the server last sent, nothing more
  useEffect(() => {
    const probe = window.__ludao;
    if (!probe) return;
    const read = () => {
      const { earned: e, souvenirs, guest } = usePassport.getState();
      return { earned: [...e], souvenirs: [...souvenirs], guest };
    };
    probe.passport = read;
    return () => {
      if (probe.passport === read) delete probe.passport;
    };
  }, []);
  return (
    <button
      type="button"
      className="pill"
      aria-expanded={open}
      data-testid="passport-toggle"
      onClick={() => {
        if (!open) raise('passport');
        setOpen(!open);
      }}
    >
      {t('passport.open')} {have}/{stamps.length}
    </button>
  );
}
