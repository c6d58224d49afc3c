/**
 * The stamp passport, read-only (issue #13): stamps are earned by standing at a landmark or a booth
 * in the 3D hall (the server reads the room's own poses; a 2D visitor sits at the entrance and earns
 * none), so the catalog shows what this visitor holds and says plainly how the rest are collected.
 * Nothing here pretends to stamp.
 */
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { landmarkSetOf, STAMP_DWELL_MS, type StampDef } from '../../../../shared/passport';
import { pick } from '../../i18n/pick';
import { useHallStamps } from '../passport/useHallStamps';
import { usePassport } from '../passport/passportStore';
import { StampSeal } from '../passport/StampSeal';
import { NS } from './locales';
import '../passport/passport.css';

export function CatalogPassport({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const earned = usePassport((s) => s.earned);
  const souvenirs = usePassport((s) => s.souvenirs);
  const guest = usePassport((s) => s.guest);
  const { stamps, boothList } = useHallStamps(hallId);
  const souvenir = souvenirs.find((s) => s.set === landmarkSetOf(hallId));
  const count = (list: StampDef[]) => `${list.filter((s) => earned.includes(s.id)).length}/${list.length}`;
  const stampList = (list: StampDef[]) => (
    <ul className="passport-stamps">
      {list.map((s) => {
        const has = earned.includes(s.id);
        return (
          <li key={s.id} data-stamp={s.id} data-earned={has ? 'true' : 'false'}>
            <StampSeal stamp={s} earned={has} />
            <span className="passport-name">{pick(s.name, i18n.language)}</span>
            <span className={has ? 'passport-got' : 'muted'}>{has ? t('passport.got') : t('passport.missing')}</span>
          </li>
        );
      })}
    </ul>
  );
  return (
    <section id="catalog-passport" className="catalog-section passport" aria-labelledby="catalog-passport-title" tabIndex={-1} data-testid="catalog-passport">
      <h2 id="catalog-passport-title">{t('passport.title')}</h2>
      <p className="passport-note" data-testid="catalog-passport-note">
        {t('passport.walkNote', { seconds: STAMP_DWELL_MS / 1000 })} {guest ? t('passport.guest') : t('passport.account')}
      </p>
      <h3>
        {t('passport.landmarks')} <span className="passport-count">{count(stamps)}</span>
      </h3>
      {stampList(stamps)}
      {souvenir && (
        <p className="passport-souvenir">
          {t('passport.souvenir')}{' '}
          <a href={`/verify/${souvenir.id}`} target="_blank" rel="noopener">
            {t('passport.seeSouvenir')}
          </a>
        </p>
      )}
      <h3>
        {t('passport.booths')} <span className="passport-count">{count(boothList)}</span>
      </h3>
      {boothList.length ? stampList(boothList) : <p className="passport-note">{t('passport.boothsNone')}</p>}
    </section>
  );
}
