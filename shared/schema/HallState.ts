import { MapSchema, Schema, defineTypes } from '@colyseus/schema';
import { Visitor } from './Visitor';

/** See Visitor.ts for why fields are declared and registered with defineTypes. */
export class HallState extends Schema {
  declare hallId: string;
  /** 1-based instance number of this hall, shown in the HUD */
  declare instance: number;
  declare visitors: MapSchema<Visitor>;

  constructor() {
    super();
    this.hallId = '';
    this.instance = 1;
    this.visitors = new MapSchema<Visitor>();
  }
}
defineTypes(HallState, {
  hallId: 'string',
  instance: 'uint16',
  visitors: { map: Visitor },
});
