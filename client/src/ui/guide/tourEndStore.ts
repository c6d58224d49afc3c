/**
 * Where this visitor's tour ends: the booth district the guide chose when it set off from the last
 * stop (scene/guide/tourEnd.ts), so the caption's offer names a booth of the district the guide
 * stands in. Written by the 3D guide, read by the caption box; a new tour forgets it.
 */
import { create } from 'zustand';
import type { BoothDistrict } from '../../scene/guide/tourEnd';

export const useTourEnd = create<{ district: BoothDistrict | null }>(() => ({ district: null }));
