/**
 * The stamp passport panel (issue #12 item 5): this hall's landmark stamps and booth stamps,
 * collected and missing, with "take me there" for each; the souvenir once the set is complete (a link to its /verify page),
 * and for a guest, that the stamps last for this visit and a visitor account keeps them. A line
 * tells the visitor when the server has given them a stamp.
 */
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { getLayout } from '../../../../shared/halls';
import { landmarkSetOf, STAMP_DWELL_MS, type StampDef } from '../../../../shared/passport';
import { isWalkable } from '../../../../shared/layout';
import { pick } from '../../i18n/pick';
import { walkTo } from '../../controls/walkTo';
import { useStore } from '../../store';
import { Slot } from '../layout/Overlay';
import { walkToSlot } from '../booth/goTo';
import { useHallStamps } from './useHallStamps';
import { usePassport } from './passportStore';
import { StampSeal } from './StampSeal';
import './passport.css';

/** The walkable point nearest a landmark (a landmark may stand on rock or water). */
function standingPoint(hallId: HallId, s: StampDef): { x: number; z: number } | null {
  const layout = getLayout(hallId);
  for (let r = 0; r <= 6; r += 0.5)
    for (let a = 0; a < 16; a++) {
      const x = s.x + r * Math.cos((a * Math.PI) / 8);
      const z = s.z + r * Math.sin((a * Math.PI) / 8);
      if (isWalkable(layout, x, z)) return { x, z };
    }
  return null;
}

export default function PassportPanel({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation();
  const { earned, souvenirs, guest, fresh, clearFresh, open, setOpen } = usePassport();
  const close = useCallback(() => setOpen(false), [setOpen]);
  const { stamps, boothList } = useHallStamps(hallId);
  const souvenir = souvenirs.find((s) => s.set === landmarkSetOf(hallId));
  const freshStamp = stamps.find((s) => s.id === fresh) ?? boothList.find((s) => s.id === fresh) ?? null;

  const toast = useStore((s) => s.toast);
  // a new stamp is told on the overlay's notice line, where nothing else sits (ui/layout)
  useEffect(() => {
    if (!freshStamp) return;
    toast('passport.earned', { name: pick(freshStamp.name, i18n.language) });
    clearFresh();
  }, [freshStamp, toast, clearFresh, i18n.language]);

  const goTo = (s: StampDef) => {
    if (s.kind === 'booth') {
      if (walkToSlot(hallId, s.landmarkId)) setOpen(false);
      return;
    }
    const p = standingPoint(hallId, s);
    if (p && walkTo(getLayout(hallId), p)) setOpen(false);
  };

  const stampList = (list: StampDef[]) => (
    <ul className="passport-stamps">
      {list.map((s) => {
        const has = earned.includes(s.id);
        const name = pick(s.name, i18n.language);
        return (
          <li key={s.id} data-stamp={s.id} data-earned={has ? 'true' : 'false'}>
            <StampSeal stamp={s} earned={has} />
            <span className="passport-name">{name}</span>
            {has ? (
              <span className="passport-got">{t('passport.got')}</span>
            ) : (
              <button type="button" className="ghost" onClick={() => goTo(s)} data-testid="passport-go">
                {t('passport.takeMeThere')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
  const count = (list: StampDef[]) => `${list.filter((s) => earned.includes(s.id)).length}/${list.length}`;

  return (
    <>
      {open && (
        <Slot id="passport" onClose={close}>
          <aside className="passport panel" data-testid="passport-panel" aria-label={t('layout.passport')}>
            <h2>{t('passport.title', { hall: t(`halls.${hallId}`) })}</h2>
            <p className="passport-note">
              {t('passport.howTo', { seconds: STAMP_DWELL_MS / 1000 })} {guest ? t('passport.guest') : t('passport.account')}
            </p>
            <h3>
              {t('passport.landmarks')} <span className="passport-count">{count(stamps)}</span>
            </h3>
            {stampList(stamps)}
            {souvenir ? (
              <p className="passport-souvenir">
                {t('passport.souvenir')}{' '}
                <a href={`/verify/${souvenir.id}`} target="_blank" rel="noopener" data-testid="passport-souvenir">
                  {t('passport.seeSouvenir')}
                </a>
              </p>
            ) : (
              <p className="passport-note">{guest ? t('passport.souvenirGuest') : t('passport.souvenirHint')}</p>
            )}
            <h3>
              {t('passport.booths')} <span className="passport-count">{count(boothList)}</span>
            </h3>
            <p className="passport-note">{boothList.length ? t('passport.boothsHowTo', { seconds: STAMP_DWELL_MS / 1000 }) : t('passport.boothsNone')}</p>
            <div data-testid="passport-booths">{stampList(boothList)}</div>
          </aside>
        </Slot>
      )}
    </>
  );
}
