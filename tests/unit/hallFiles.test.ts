/**
 * The committed hall files are exactly what the plans draw: each is regenerated in memory and
 * compared with assets/halls/<id>.json, so a plan edited without re-running the generator (or a
 * JSON edited by hand) fails here, with the command that brings them back in line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hallFiles, REGENERATE } from '../../assets/halls/hallFiles';
import { HALL_IDS } from '../../shared/halls';

const dir = path.join(import.meta.dirname, '../../assets/halls');

/** The first line where two texts part, for a message a person can act on. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}:\n  committed: ${(al[i] ?? '(none)').slice(0, 160)}\n  from plan: ${(bl[i] ?? '(none)').slice(0, 160)}`;
  }
  return 'no difference';
}

describe('hall files', () => {
  const files = hallFiles();

  it('has a plan for every hall the server serves', () => {
    expect(files.map((f) => f.id).sort()).toEqual([...HALL_IDS].sort());
  });

  it.each(files.map((f) => [f.name, f] as const))('%s is what its plan draws', (name, f) => {
    const committed = readFileSync(path.join(dir, name), 'utf8');
    expect(
      committed === f.text,
      `assets/halls/${name} has drifted from its plan; run \`${REGENERATE}\` and review the diff.\n${firstDifference(committed, f.text)}`,
    ).toBe(true);
  });

  it('reports the first differing line of a drifted file', () => {
    expect(firstDifference('a\nb\nc', 'a\nB\nc')).toBe('line 2:\n  committed: b\n  from plan: B');
  });
});
