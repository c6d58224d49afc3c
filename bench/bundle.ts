/**
 * Bundle bench: builds the client (or reads a build), walks the static import graph of the Vite
 * manifest from the entry and from the hall's lazy chunk, gzips every file and prints the landing
 * page's JS and the hall's initial JS against their budgets, and the biggest chunks.
 *
 *   npm run bench:bundle               (builds into DIST_DIR, else dist/)
 *   npx tsx bench/bundle.ts --no-build (reads the build already there)
 *
 * Landing JS: what index.html loads before a name can be typed (the entry's static closure).
 * Hall initial JS: what a visitor opening a hall link runs before the first frame: the landing's
 * closure plus the hall chunk's (InHall), plus the bigger of the two landmarks' scenery chunks. Lazy extras are listed but not counted: the consoles, a
 * product's 3D viewer, the booth panel and directory (fetched when idle after the first frame) and
 * the schemas that check server data (zod; loaded with the first answer, client/src/net/serverChecks.ts). Figures only: a bench never fails a build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryKey, keyOfSource, staticClosure, type ChunkGraph } from '../client/build/chunkGraph';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist');
const HALL_SRC = 'src/ui/InHall.tsx';
const KB = 1024;
const BUDGET = { landing: 150 * KB, hall: 400 * KB };

if (!process.argv.includes('--no-build')) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DIST_DIR: DIST },
  });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
}

const manifestFile = path.join(DIST, '.vite', 'manifest.json');
const graph = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ChunkGraph;

const sizes = new Map<string, { raw: number; gzip: number }>();
function size(file: string): { raw: number; gzip: number } {
  let s = sizes.get(file);
  if (!s) {
    const buf = fs.readFileSync(path.join(DIST, file));
    s = { raw: buf.length, gzip: gzipSync(buf).length };
    sizes.set(file, s);
  }
  return s;
}

const files = (keys: Iterable<string>) => [...new Set([...keys].map((k) => graph[k].file))];
const css = (keys: Iterable<string>) => [...new Set([...keys].flatMap((k) => graph[k].css ?? []))];
const sum = (fs_: string[]) => fs_.reduce((n, f) => n + size(f).gzip, 0);

const entry = entryKey(graph);
const hall = keyOfSource(graph, HALL_SRC);
const landingKeys = staticClosure(graph, [entry]);
// Each landmark's scenery is its own chunk (client/src/scene/landmarks/index.tsx): a visitor runs one
// of them before the first frame, so the hall's figure counts the bigger one's extra files.
const SCENE_SRCS = ['src/scene/landmarks/gulangyu/GulangyuScene.tsx', 'src/scene/landmarks/shapowei/ShapoweiScene.tsx'];
const hallBase = staticClosure(graph, [entry, hall]);
const sceneExtras = SCENE_SRCS.flatMap((src) => {
  try {
    return [[...staticClosure(graph, [keyOfSource(graph, src)])].filter((k) => !hallBase.has(k))];
  } catch {
    return []; // bundled into the hall's chunk: already counted
  }
});
const gzipOf = (keys: string[]) => [...new Set(keys.map((k) => graph[k].file))].reduce((n, f) => n + size(f).gzip, 0);
const biggestScene = sceneExtras.sort((a, b) => gzipOf(b) - gzipOf(a))[0] ?? [];
const hallKeys = new Set([...hallBase, ...biggestScene]);
const landingJs = files(landingKeys);
const hallJs = files(hallKeys);
// Everything else that is JS: loaded later, on demand.
const lazyJs = Object.values(graph)
  .map((c) => c.file)
  .filter((f) => f.endsWith('.js') && !hallJs.includes(f));

const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
const row = (label: string, bytes: number, budget: number) =>
  `${label.padEnd(18)} ${kb(bytes).padStart(10)} gzip   budget ${kb(budget).padStart(9)}   ×${(bytes / budget).toFixed(2)}   ${bytes <= budget ? 'within budget' : 'OVER BUDGET'}`;

console.log(`\nBundle (${path.relative(ROOT, DIST) || DIST}, gzip level 6 per file)`);
console.log(row('landing JS', sum(landingJs), BUDGET.landing) + `   (${landingJs.length} files)`);
console.log(row('hall initial JS', sum(hallJs), BUDGET.hall) + `   (${hallJs.length} files: landing + ${hallJs.length - landingJs.length} hall)`);
console.log(
  `${'lazy extras JS'.padEnd(18)} ${kb(sum(lazyJs)).padStart(10)} gzip   (${lazyJs.length} files, not counted: consoles, viewers, booth panels, server-data schemas)`,
);
const landingCss = css(landingKeys);
const hallCss = css(hallKeys).filter((f) => !landingCss.includes(f));
console.log(
  `${'landing CSS'.padEnd(18)} ${kb(sum(landingCss)).padStart(10)} gzip   (not JS, not in the budget; mostly @fontsource/noto-sans-sc @font-face rules)`,
);
console.log(`${'hall CSS'.padEnd(18)} ${kb(sum(hallCss)).padStart(10)} gzip`);

const where = (f: string) => (landingJs.includes(f) ? 'landing' : hallJs.includes(f) ? 'hall' : 'lazy');
const biggest = [...new Set([...hallJs, ...lazyJs])].sort((a, b) => size(b).gzip - size(a).gzip).slice(0, 10);
console.log('\nBiggest chunks');
for (const f of biggest) console.log(`  ${kb(size(f).gzip).padStart(10)} gzip ${kb(size(f).raw).padStart(11)} raw   ${where(f).padEnd(8)} ${f}`);
