/**
 * Writes assets/halls/gulangyu.json and shapowei.json from the plans. The JSON files are what
 * the server and client load (the server reads them for collisions); the plans are how they were
 * drawn, so a change to a hall is made in a plan, this script re-run
 * (`npx tsx assets/halls/generate.ts`), and the diff reviewed. tests/unit/hallFiles.test.ts fails
 * while the committed files and the plans disagree.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hallFiles } from './hallFiles';

for (const f of hallFiles()) {
  writeFileSync(path.join(import.meta.dirname, f.name), f.text);
  const l = f.layout;
  console.log(`${l.id}: ${l.boothSlots.length} slots, ${l.colliders.length} colliders, ${l.scenery.length} props`);
}
