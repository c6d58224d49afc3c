/**
 * Each hall's guide model, served by our own origin: Vite copies the committed GLB into the build
 * (content-hashed, cached for a year by server/http/static.ts) and hands back its URL. Nothing is
 * fetched until the guide's chunk asks for it, after the hall's first frame.
 */
import type { HallId } from '../../../../shared/halls';
import gulangyu from '../../../../assets/guide/gulangyu-guide.glb?url';
import shapowei from '../../../../assets/guide/shapowei-guide.glb?url';

export const GUIDE_FILES: Record<HallId, string> = { gulangyu, shapowei };
