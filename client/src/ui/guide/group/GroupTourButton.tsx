/**
 * The HUD's group tour buttons (issue #12): while a public tour is on, 加入团体游览 / Join the group
 * tour (follow the leader) takes the private tour button's place; with none on, organizers and booth
 * staff get 发起团体游览 / Start a group tour, with the choice of who leads (the guide, or oneself).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentRoom } from '../../../net/connection';
import { sendMessage } from '../../../net/messages';
import { useStore } from '../../../store';
import type { TourMode } from '../../../../../shared/api/tour';
import { useGroupTour } from './groupTourStore';
import { NS } from './locales';

/** Follow / stop following the public tour's leader (not shown to the host). */
export function GroupJoinButton() {
  const { t } = useTranslation(NS);
  const tour = useGroupTour((s) => s.tour);
  const following = useGroupTour((s) => s.following);
  const selfId = useStore((s) => s.sessionId);
  if (!tour || tour.hostId === selfId) return null;
  return (
    <button
      type="button"
      className="ghost guide-toggle"
      data-testid="group-join"
      aria-pressed={following}
      onClick={() => useGroupTour.getState().setFollowing(!following)}
    >
      {following ? t('following') : t('join')}
    </button>
  );
}

/** Start a group tour here: the guide leads, or the one who starts it. */
export function GroupLeadButton() {
  const { t } = useTranslation(NS);
  const canLead = useGroupTour((s) => s.canLead);
  const tour = useGroupTour((s) => s.tour);
  const [choosing, setChoosing] = useState(false);
  if (!canLead || tour) return null;
  const start = (mode: TourMode) => {
    setChoosing(false);
    const room = currentRoom();
    if (room) sendMessage(room, 'tour', { action: 'start', mode });
  };
  return (
    <span className="group-lead">
      <button type="button" className="ghost" data-testid="group-lead" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
        {t('lead')}
      </button>
      {choosing ? (
        <>
          <button type="button" className="ghost" data-testid="group-lead-guide" onClick={() => start('guide')}>
            {t('leadGuide')}
          </button>
          <button type="button" className="ghost" data-testid="group-lead-host" onClick={() => start('host')}>
            {t('leadHost')}
          </button>
        </>
      ) : null}
    </span>
  );
}
