/**
 * The text of assets/halls/<id>.json for every plan, made in memory: generate.ts writes it, and
 * a unit test compares it with the committed files so a plan and its JSON cannot drift apart.
 * Placement of repeated scenery (villas, trees) is seeded, so the same plan gives the same text.
 */
import { pointInPolygon, type HallLayout } from '../../shared/layout';
import { hallLayoutSchema } from '../../shared/layoutSchema';
import { gulangyu } from './gulangyu.plan';
import { shapowei } from './shapowei.plan';

export const PLANS = [gulangyu, shapowei];

/** How to bring the committed files back in line with the plans. */
export const REGENERATE = 'npx tsx assets/halls/generate.ts';

export interface HallFile {
  id: string;
  /** file name inside assets/halls */
  name: string;
  text: string;
  layout: HallLayout;
}

export function hallFiles(): HallFile[] {
  return PLANS.map((draw) => {
    const plan = draw();
    const layout = hallLayoutSchema.parse(plan);
    // Same check as the unit test, so a bad plan fails here first.
    for (const s of layout.boothSlots) {
      if (!layout.walkable.some((r) => pointInPolygon(s.x, s.z, r.poly))) throw new Error(`${layout.id}: slot ${s.id} off the ground`);
    }
    // The parsed layout, defaults filled in: the client reads the file without running the schema.
    const text = JSON.stringify(layout, round, 0).replace(/\},\{/g, '},\n{') + '\n';
    return { id: layout.id, name: `${layout.id}.json`, text, layout };
  });
}

function round(_k: string, v: unknown): unknown {
  return typeof v === 'number' ? Math.round(v * 100) / 100 : v;
}
