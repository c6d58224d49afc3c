/**
 * The caption box's voice button: mutes the guide's voice (the captions stay) or turns it back on,
 * remembered on this device (scene/guide/speech.ts). It shows only where a local voice reads the
 * caption language: with none the guide tells by captions alone and there is nothing to mute.
 */
import { useTranslation } from 'react-i18next';
import { useGuideVoice } from '../../scene/guide/speech';
import { NS } from './locales';

export function VoiceToggle() {
  const { t } = useTranslation(NS);
  const available = useGuideVoice((s) => s.available);
  const muted = useGuideVoice((s) => s.muted);
  if (!available) return null;
  const label = muted ? t('voiceOff') : t('voiceOn');
  return (
    <button
      type="button"
      className={muted ? 'ghost guide-voice muted' : 'ghost guide-voice'}
      aria-label={label}
      title={label}
      aria-pressed={muted}
      data-testid="guide-voice"
      onClick={() => useGuideVoice.getState().setMuted(!muted)}
    >
      {/* a plain note (struck through when muted): the hall's fonts have no emoji */}
      <span aria-hidden="true">♪</span>
    </button>
  );
}
