/**
 * R3F's <Canvas> knows only the three classes in client/src/scene/threeCatalogue.ts (vite.config.ts
 * hands it that module so three is tree-shaken). Every JSX element the scene writes must be there,
 * or the hall fails at run time with "... is not part of the THREE namespace".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as catalogue from '../../client/src/scene/threeCatalogue';

const ROOT = path.resolve(import.meta.dirname, '../../client/src');
// Elements R3F handles itself, and DOM elements (drei's <Html> and the like would render these).
const BUILT_IN = new Set(['primitive']);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

/** Lower-case JSX tags (`<mesh`, `<meshStandardMaterial`), comments stripped; not generics (`Array<readonly ...>`). */
function intrinsicTags(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/(?<![\w$.\]])<([a-z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1]);
}

describe('three catalogue for <Canvas>', () => {
  const files = [...tsxFiles(path.join(ROOT, 'scene')), ...tsxFiles(path.join(ROOT, 'controls'))];
  const used = new Map<string, string>();
  for (const f of files) for (const tag of intrinsicTags(fs.readFileSync(f, 'utf8'))) used.set(tag, path.relative(ROOT, f));

  it('the scan sees the scene’s elements (not vacuous)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect([...used.keys()]).toEqual(expect.arrayContaining(['mesh', 'group']));
  });

  it('lists every three class the scene writes as a JSX element', () => {
    const missing = [...used]
      .filter(([tag]) => !BUILT_IN.has(tag))
      .map(([tag, file]) => [tag[0].toUpperCase() + tag.slice(1), file])
      .filter(([cls]) => !(cls in catalogue))
      .map(([cls, file]) => `${cls} (${file})`);
    expect(missing).toEqual([]);
  });
});
