import { describe, expect, it } from 'vitest';
import { HALL_IDS, getLayout } from '../../shared/halls';
import { boothFootprint, isWalkable } from '../../shared/layout';

describe.each(HALL_IDS)('booth stands in %s are solid', (id) => {
  const layout = getLayout(id);

  it('nobody walks through a booth, and everybody can stand at its front', () => {
    for (const s of layout.boothSlots) {
      const { d } = boothFootprint(s.size);
      expect(isWalkable(layout, s.x, s.z), `${s.id} centre`).toBe(false);
      // Just inside the back wall: the box is rotated with the slot, not axis-aligned.
      const back = d / 2 - 0.2;
      expect(isWalkable(layout, s.x - Math.sin(s.ry) * back, s.z - Math.cos(s.ry) * back), `${s.id} back`).toBe(false);
      // Where the client sends a visitor who asks for the booth ("take me there").
      const front = d / 2 + 1.4;
      expect(isWalkable(layout, s.x + Math.sin(s.ry) * front, s.z + Math.cos(s.ry) * front), `${s.id} front`).toBe(true);
    }
  });
});
