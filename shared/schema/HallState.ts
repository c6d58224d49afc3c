import { MapSchema, Schema, type } from '@colyseus/schema';
import { Visitor } from './Visitor';

export class HallState extends Schema {
  @type('string') hallId = '';
  /** 1-based instance number of this hall, shown in the HUD */
  @type('uint16') instance = 1;
  @type({ map: Visitor }) visitors = new MapSchema<Visitor>();
}
