/**
 * Writes assets/halls/gulangyu.json and shapowei.json. The JSON files are the source of truth
 * (the server reads them for collisions); this script is how they were drawn, so a change to a
 * hall is made here, re-run (`npx tsx assets/halls/generate.ts`), and the diff reviewed.
 * Placement of repeated scenery (villas, trees) is seeded, so a re-run gives the same file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hallLayoutSchema, pointInPolygon, SLOT_RADIUS } from '../../shared/layout';
import { gulangyu } from './gulangyu.plan';
import { shapowei } from './shapowei.plan';

for (const plan of [gulangyu(), shapowei()]) {
  const layout = hallLayoutSchema.parse(plan);
  // Same checks as the unit test, so a bad plan fails here first.
  for (const s of layout.boothSlots) {
    if (!layout.walkable.some((p) => pointInPolygon(s.x, s.z, p))) throw new Error(`${layout.id}: slot ${s.id} off the ground`);
    void SLOT_RADIUS;
  }
  const file = path.join(import.meta.dirname, `${layout.id}.json`);
  writeFileSync(file, JSON.stringify(plan, round, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`${layout.id}: ${layout.boothSlots.length} slots, ${layout.colliders.length} colliders, ${layout.scenery.length} props`);
}

function round(_k: string, v: unknown): unknown {
  return typeof v === 'number' ? Math.round(v * 100) / 100 : v;
}
