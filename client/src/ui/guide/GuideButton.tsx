/** The HUD's 跟导游游览 / Tour with the guide button: starts (or ends) this visitor's private tour. */
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { pick } from '../../i18n/pick';
import { useTour } from './tourStore';
import { NS } from './locales';
import { useGroupTour } from './group/groupTourStore';
import { GroupJoinButton, GroupLeadButton } from './group/GroupTourButton';

export function GuideButton({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const active = useTour((s) => s.active);
  const guide = useTour((s) => s.guide);
  const name = guide ? pick(guide, i18n.language) : t('defaultName');
  const hall = i18n.t(`halls.${hallId}`, { ns: 'translation' });
  const groupOn = useGroupTour((s) => s.tour !== null);
  // a public tour in this instance takes the guide: joining it stands in for the private tour (issue #12)
  if (groupOn) return <GroupJoinButton />;
  return (
    <>
      <button
        type="button"
        className="ghost guide-toggle"
        data-testid="guide-tour-toggle"
        aria-pressed={active}
        title={active ? undefined : t('startLabel', { name, hall })}
        onClick={() => (active ? useTour.getState().end() : useTour.getState().start())}
      >
        {active ? t('stopTour') : t('start')}
      </button>
      <GroupLeadButton />
    </>
  );
}
