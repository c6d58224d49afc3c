/**
 * Writes assets/guide/gulangyu-guide.glb and shapowei-guide.glb from the scripts beside this one.
 * A change to a guide is made in its script (gulangyu.guide.ts, shapowei.guide.ts, or the shared
 * face, body, hair and clips), this script re-run (`npx tsx assets/guide/generate.ts`), and the
 * result looked at; tests/unit/guideModel.test.ts fails while the committed files and the scripts
 * disagree.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { guideFiles } from './guideFiles';

for (const f of guideFiles()) {
  writeFileSync(path.join(import.meta.dirname, f.name), f.bytes);
  console.log(`${f.name}: ${f.vertices} vertices, ${f.triangles} triangles, ${(f.bytes.length / 1024).toFixed(1)} KB`);
}
