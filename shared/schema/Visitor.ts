import { Schema, defineTypes } from '@colyseus/schema';

/**
 * One visitor in a hall. Pose fields are quantized integers (see constants.ts) so a
 * walking visitor costs a few bytes per patch.
 *
 * Fields are `declare`d and set in the constructor, with types registered by defineTypes:
 * no decorators and no class-field semantics, so every compiler (tsx, Vite, vitest) yields
 * the same accessors. (A plain `name = ''` field would shadow them under ES2022 semantics
 * and the state would decode empty, silently.)
 */
export class Visitor extends Schema {
  declare name: string;
  declare color: number;
  declare style: number;
  /** centimetres */
  declare x: number;
  declare y: number;
  declare z: number;
  /** yaw, 0..255 per turn */
  declare ry: number;
  /** 0 idle, 1 walking */
  declare anim: number;
  /** false while the connection is dropped and the seat is held for reconnection */
  declare connected: boolean;

  constructor() {
    super();
    this.name = '';
    this.color = 0;
    this.style = 0;
    this.x = 0;
    this.y = 0;
    this.z = 0;
    this.ry = 0;
    this.anim = 0;
    this.connected = true;
  }
}
defineTypes(Visitor, {
  name: 'string',
  color: 'uint8',
  style: 'uint8',
  x: 'int16',
  y: 'int16',
  z: 'int16',
  ry: 'uint8',
  anim: 'uint8',
  connected: 'boolean',
});
