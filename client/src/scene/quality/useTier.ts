/** The settings of the quality tier in use (tiers.ts), for components that draw by tier. */
import { useStore } from '../../store';
import { TIERS, type TierSettings } from './tiers';

export function useTier(): TierSettings {
  return TIERS[useStore((s) => s.quality)];
}
