import { Schema, type } from '@colyseus/schema';

/**
 * One visitor in a hall. Pose fields are quantized integers (see constants.ts) so a
 * walking visitor costs a few bytes per patch.
 */
export class Visitor extends Schema {
  @type('string') name = '';
  @type('uint8') color = 0;
  @type('uint8') style = 0;
  /** centimetres */
  @type('int16') x = 0;
  @type('int16') y = 0;
  @type('int16') z = 0;
  /** yaw, 0..255 per turn */
  @type('uint8') ry = 0;
  /** 0 idle, 1 walking */
  @type('uint8') anim = 0;
  /** false while the visitor's connection is dropped and the seat is held for reconnection */
  @type('boolean') connected = true;
}
