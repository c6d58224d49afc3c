/**
 * The one "walk up, a card opens" machine shared by booths, landmark hotspots and later desks:
 * which desk the visitor stands at (with hysteresis), and what that does to the open card.
 */
import { describe, expect, it } from 'vitest';
import { closedCard, forgotDesk, NO_PROXIMITY, openedCard, walkedTo, type DeskRef, type ProximityState } from '../../client/src/store/proximity';
import { nearestDesk, type Desk } from '../../client/src/scene/proximity/desks';

const booth = (id: string): DeskRef => ({ kind: 'booth', id });
const hotspot = (id: string): DeskRef => ({ kind: 'hotspot', id });

function walk(s: ProximityState, ...steps: (DeskRef | null)[]): ProximityState {
  return steps.reduce(walkedTo, s);
}

describe('walking up to desks', () => {
  it('opens the card of the desk you walk up to, and closes it when you walk away', () => {
    const at = walk(NO_PROXIMITY, hotspot('pier'));
    expect(at.card).toEqual({ kind: 'hotspot', id: 'pier', via: 'near' });
    expect(walk(at, null).card).toBeNull();
  });

  it('walking from one desk straight to another swaps the card', () => {
    const s = walk(NO_PROXIMITY, hotspot('pier'), booth('b1'));
    expect(s.card).toEqual({ kind: 'booth', id: 'b1', via: 'near' });
    expect(s.near).toEqual(booth('b1'));
  });

  it('a closed card stays closed until you walk away, then opens again on the way back', () => {
    let s = walk(NO_PROXIMITY, booth('b1'));
    s = closedCard(s);
    expect(s.card).toBeNull();
    expect(s.dismissed).toEqual(booth('b1'));
    // the tracker reports the same desk again: nothing changes
    expect(walkedTo(s, booth('b1'))).toBe(s);
    s = walk(s, null);
    expect(s.dismissed).toBeNull();
    expect(walk(s, booth('b1')).card).toEqual({ kind: 'booth', id: 'b1', via: 'near' });
  });

  it('closing a card while at another desk does not dismiss that desk', () => {
    let s = walk(NO_PROXIMITY, hotspot('pier'));
    s = openedCard(s, booth('b2'), 'directory');
    s = closedCard(s);
    expect(s.dismissed).toBeNull();
  });

  it('a card opened on purpose survives walking past other desks, and walking away', () => {
    let s = openedCard(NO_PROXIMITY, booth('b2'), 'click');
    s = walk(s, hotspot('pier'), booth('b3'), null);
    expect(s.card).toEqual({ kind: 'booth', id: 'b2', via: 'click' });
  });

  it('opening a booth panel replaces the landmark card: one card at a time', () => {
    let s = walk(NO_PROXIMITY, hotspot('pier'));
    s = openedCard(s, booth('b2'), 'directory');
    expect(s.card).toEqual({ kind: 'booth', id: 'b2', via: 'directory' });
    // and standing at the hotspot does not bring its card back on top
    expect(walkedTo(s, hotspot('pier')).card?.kind).toBe('booth');
  });

  it('opening the card of a dismissed desk on purpose clears the dismissal', () => {
    let s = closedCard(walk(NO_PROXIMITY, booth('b1')));
    s = openedCard(s, booth('b1'), 'click');
    expect(s.dismissed).toBeNull();
  });

  it('a desk that goes away is forgotten everywhere', () => {
    const s = forgotDesk(walk(NO_PROXIMITY, booth('b1')), booth('b1'));
    expect(s).toEqual(NO_PROXIMITY);
    const other = walk(NO_PROXIMITY, booth('b1'));
    expect(forgotDesk(other, booth('b9'))).toBe(other);
  });
});

describe('nearestDesk', () => {
  const desks: Desk[] = [
    { kind: 'hotspot', id: 'pier', x: 0, z: 0, radius: 8, leave: 4 },
    // a booth registered as two circles: the spot in front and the footprint
    { kind: 'booth', id: 'b1', x: 20, z: 0, radius: 2.2, leave: 1 },
    { kind: 'booth', id: 'b1', x: 20, z: -3, radius: 2.5, leave: 1 },
    { kind: 'booth', id: 'b2', x: 24, z: 0, radius: 2.2, leave: 1 },
  ];
  const ref = (d: Desk | null) => d && `${d.kind}:${d.id}`;

  it('finds the desk whose circle the visitor is in, and nothing between desks', () => {
    expect(ref(nearestDesk(desks, 1, 1, null))).toBe('hotspot:pier');
    expect(ref(nearestDesk(desks, 20, -3.5, null))).toBe('booth:b1');
    expect(nearestDesk(desks, 12, 0, null)).toBeNull();
  });

  it('keeps the current desk a little past its edge (hysteresis), then lets go', () => {
    expect(nearestDesk(desks, 9, 0, null)).toBeNull();
    expect(ref(nearestDesk(desks, 9, 0, hotspot('pier')))).toBe('hotspot:pier');
    expect(ref(nearestDesk(desks, 11.9, 0, hotspot('pier')))).toBe('hotspot:pier');
    expect(nearestDesk(desks, 12.1, 0, hotspot('pier'))).toBeNull();
  });

  it('between two close desks, switches only when the other is clearly closer', () => {
    // midway between b1 (x 20) and b2 (x 24): stays with b1
    expect(ref(nearestDesk(desks, 22.1, 0, booth('b1')))).toBe('booth:b1');
    // well into b2
    expect(ref(nearestDesk(desks, 23.2, 0, booth('b1')))).toBe('booth:b2');
  });

  it('compares desks by depth in their own radius, so a small desk inside a large one wins', () => {
    const nested: Desk[] = [
      { kind: 'hotspot', id: 'square', x: 0, z: 0, radius: 15, leave: 4 },
      { kind: 'booth', id: 'b1', x: 5, z: 0, radius: 2.2, leave: 1 },
    ];
    expect(ref(nearestDesk(nested, 5.5, 0, hotspot('square')))).toBe('booth:b1');
  });
});
