/**
 * The quality control in the toolbar: auto (the hall follows the frame time, scene/quality/tiers.ts)
 * or a tier picked by hand, remembered on this device. A labelled native <select>: the keyboard,
 * screen readers and phones' own pickers all work with it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { isQualityChoice, type Quality } from '../scene/quality/tiers';
import './qualityControl.css';

const TIER_KEY: Record<Quality, string> = { high: 'hud.qualityHigh', medium: 'hud.qualityMedium', low: 'hud.qualityLow' };

export function QualityControl() {
  const { t } = useTranslation();
  const id = useId();
  const quality = useStore((s) => s.quality);
  const choice = useStore((s) => s.qualityChoice);
  const choose = useStore((s) => s.chooseQuality);
  return (
    <span className="quality-control" data-testid="quality-control" data-tier={quality} data-choice={choice}>
      <label htmlFor={id}>{t('hud.quality')}</label>
      <select
        id={id}
        data-testid="quality-select"
        value={choice}
        onChange={(e) => {
          if (isQualityChoice(e.target.value)) choose(e.target.value);
        }}
      >
        <option value="auto">{t('hud.qualityAuto', { tier: t(TIER_KEY[quality]) })}</option>
        <option value="high">{t('hud.qualityHigh')}</option>
        <option value="medium">{t('hud.qualityMedium')}</option>
        <option value="low">{t('hud.qualityLow')}</option>
      </select>
    </span>
  );
}
