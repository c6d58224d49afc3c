import { MapSchema, Schema, defineTypes } from '@colyseus/schema';
import { Visitor } from './Visitor';
import { Stage } from './Stage';

/** See Visitor.ts for why fields are declared and registered with defineTypes. */
export class HallState extends Schema {
  declare hallId: string;
  /** 1-based instance number of this hall, shown in the HUD */
  declare instance: number;
  declare visitors: MapSchema<Visitor>;
  /**
   * Visitors standing at each booth slot, summed over every instance of the hall (server/rooms/
   * boothCrowd.ts), once a second. In the state rather than a message: the change is encoded once
   * into the patch everyone gets, not sent 300 times.
   */
  declare booths: MapSchema<number>;
  /** the agenda session on this hall's stage now, or the next one (server/rooms/stage.ts) */
  declare stage: Stage;

  constructor() {
    super();
    this.hallId = '';
    this.instance = 1;
    this.visitors = new MapSchema<Visitor>();
    this.booths = new MapSchema<number>();
    this.stage = new Stage();
  }
}
defineTypes(HallState, {
  hallId: 'string',
  instance: 'uint16',
  visitors: { map: Visitor },
  booths: { map: 'uint16' },
  stage: Stage,
});
