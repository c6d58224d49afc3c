/** The hall's server-sent events: what the server writes is what the client reads, by the shared schemas. */
import { describe, expect, it } from 'vitest';
import { hallEventNames, parseHallEvent, sseFrame } from '../../shared/api/events';
import { routes } from '../../shared/api/routes';

/** Reads one SSE frame the way EventSource does (event name, data lines). */
function readFrame(frame: string): { event: string; data: string } {
  const lines = frame.split('\n');
  expect(frame.endsWith('\n\n')).toBe(true);
  return {
    event: lines.find((l) => l.startsWith('event: '))!.slice(7),
    data: lines
      .filter((l) => l.startsWith('data: '))
      .map((l) => l.slice(6))
      .join('\n'),
  };
}

describe('hall events', () => {
  it.each(hallEventNames)('%s: a frame the server writes parses back on the client', (name) => {
    const f = readFrame(sseFrame(name, { boothId: 'abc123', at: 42 }));
    expect(f.event).toBe(name);
    expect(parseHallEvent(name, f.data)).toEqual({ boothId: 'abc123', at: 42 });
  });

  it('refuses data that breaks the schema (booth ids follow the shared id rule)', () => {
    expect(parseHallEvent('booth', JSON.stringify({ boothId: '../../etc', at: 1 }))).toBeNull();
    expect(parseHallEvent('booth', JSON.stringify({ boothId: 'ABC', at: 1 }))).toBeNull();
    expect(parseHallEvent('removed', '{not json')).toBeNull();
    expect(parseHallEvent('removed', JSON.stringify({ at: 1 }))).toBeNull();
  });

  it('the route documents every event by name', () => {
    for (const n of hallEventNames) expect(routes.events.summary).toContain(`\`${n}\``);
  });
});
