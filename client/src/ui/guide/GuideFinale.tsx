/**
 * The tour's last word, in the caption box once the guide stands at the booth district: a booth
 * there with staff on duty is offered for a talk (its ask-staff panel), else its card is offered
 * (the booth panel's leave-card dialog, which asks a signed-out visitor to sign in first, as the
 * panel's own button does). A hall with no booth near offers the directory. Duty changes while the
 * caption shows switch the offer, as the booth list in the store is kept fresh by the hall's events.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../../shared/halls';
import { pick } from '../../i18n/pick';
import { boothDistrict, endBooth } from '../../scene/guide/tourEnd';
import { useStore } from '../../store';
import { useAskStaff } from '../askStaff/askStaffStore';
import { useBoothRequests } from '../booth/boothRequests';
import { useTourEnd } from './tourEndStore';
import { NS } from './locales';

export function GuideFinale({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const layout = getLayout(hallId);
  const booths = useStore((s) => s.booths);
  const chosen = useTourEnd((s) => s.district);
  // a tour skipped to its end before the guide set off: the district nearest the last stop
  const district = useMemo(() => {
    if (chosen) return chosen;
    const last = layout.tourStops[layout.tourStops.length - 1];
    const placed = new Set(Object.values(booths).flatMap((b) => (b.slotId ? [b.slotId] : [])));
    return last ? boothDistrict(layout, last, placed) : null;
  }, [chosen, layout, booths]);
  const booth = district ? endBooth(layout, district, Object.values(booths)) : null;
  const lang = i18n.language;

  if (!booth) {
    return (
      <div className="guide-finale" data-testid="guide-finale" data-offer="directory">
        <p>{t('finale.none')}</p>
        <button type="button" className="primary" data-testid="guide-end-directory" onClick={() => useStore.getState().setDirectoryOpen(true)}>
          {t('finale.directory')}
        </button>
      </div>
    );
  }
  const exhibitor = pick(booth.exhibitor.name, lang);
  const open = () => useStore.getState().openBoothPanel(booth.id, 'directory');
  return booth.staffOnDuty ? (
    <div className="guide-finale" data-testid="guide-finale" data-offer="talk" data-booth={booth.id}>
      <p>{t('finale.staff', { exhibitor })}</p>
      <button
        type="button"
        className="primary"
        data-testid="guide-end-talk"
        onClick={() => {
          open();
          useAskStaff.getState().open(booth.id);
          useStore.getState().raisePanel('askStaff');
        }}
      >
        {t('finale.talk')}
      </button>
    </div>
  ) : (
    <div className="guide-finale" data-testid="guide-finale" data-offer="card" data-booth={booth.id}>
      <p>{t('finale.card', { exhibitor })}</p>
      <button
        type="button"
        className="primary"
        data-testid="guide-end-card"
        onClick={() => {
          open();
          useBoothRequests.getState().requestLeaveCard(booth.id);
        }}
      >
        {t('finale.leaveCard')}
      </button>
    </div>
  );
}
