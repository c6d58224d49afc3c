/**
 * A moderator's choices for one person: mute for one of MUTE_CHOICES, remove from the hall, ban for
 * one of BAN_CHOICES. One component for the hall's moderation dialog and the console's report queue,
 * so both offer the same durations in the same words. It only asks: the caller confirms a ban and
 * sends the action; the server authorizes.
 */
import { useTranslation } from 'react-i18next';
import { BAN_CHOICES, MUTE_CHOICES, type SanctionAction } from '../../../../shared/api/moderationTerms';
import { durationLabel } from './durations';

export function SanctionChoices({
  onAct,
  rowClassName,
  testIdPrefix = '',
}: {
  /** minutes: null until lifted; a kick has none */
  onAct: (action: SanctionAction, minutes: number | null) => void;
  rowClassName: string;
  /** before each button's test id (`mute-10`, `kick`, `ban-forever`) */
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className={rowClassName}>
        {MUTE_CHOICES.map((m) => (
          <button key={String(m)} type="button" onClick={() => onAct('mute', m)} data-testid={`${testIdPrefix}mute-${m ?? 'forever'}`}>
            {m === null ? t('moderation.muteForever') : t('moderation.mute', { time: durationLabel(t, m) })}
          </button>
        ))}
      </div>
      <div className={rowClassName}>
        <button type="button" onClick={() => onAct('kick', null)} data-testid={`${testIdPrefix}kick`}>
          {t('moderation.kick')}
        </button>
        {BAN_CHOICES.map((m) => (
          <button key={String(m)} type="button" className="danger" onClick={() => onAct('ban', m)} data-testid={`${testIdPrefix}ban-${m ?? 'forever'}`}>
            {m === null ? t('moderation.banForever') : t('moderation.ban', { time: durationLabel(t, m) })}
          </button>
        ))}
      </div>
    </>
  );
}
