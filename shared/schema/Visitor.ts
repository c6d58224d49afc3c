import { Schema, defineTypes, view } from '@colyseus/schema';

/**
 * One visitor in a hall. Pose fields are quantized integers (see constants.ts) so a
 * walking visitor costs a few bytes per patch.
 *
 * Fields are `declare`d and set in the constructor, with types registered by defineTypes:
 * no decorators and no class-field semantics, so every compiler (tsx, Vite, vitest) yields
 * the same accessors. (A plain `name = ''` field would shadow them under ES2022 semantics
 * and the state would decode empty, silently.)
 *
 * Interest management (issue #5): everyone receives every visitor's roster fields (name, look,
 * connected) and coarse dot (gx, gz, refreshed about once a second). The pose fields x, y, z, ry
 * and anim are `view()`-tagged: a client receives them only for visitors near it, and they read
 * `undefined` for visitors further away (and turn `undefined` again when someone walks out of
 * range). That is why the constructor leaves them unset: a decoded far visitor must not look
 * like someone standing at the origin.
 */
export class Visitor extends Schema {
  declare name: string;
  declare color: number;
  declare style: number;
  /** centimetres; undefined on a client for visitors out of its range */
  declare x: number;
  declare y: number;
  declare z: number;
  /** yaw, 0..255 per turn */
  declare ry: number;
  /** 0 idle, 1 walking */
  declare anim: number;
  /** false while the connection is dropped and the seat is held for reconnection */
  declare connected: boolean;
  /** coarse position for the minimap: DOT_M steps around 128 (see shared/interest.ts toDot) */
  declare gx: number;
  declare gz: number;
  /** the booth id a staff member on duty stands for ('' for everyone else): their avatar is marked */
  declare staff: string;
  /** a 2D catalog visitor (issue #13): seated at the hall entrance by the server, drawn seated, never moves */
  declare seated: boolean;
  /** proximity voice is on (issue #13): set and cleared by the visitor's `voice` message, cleared by a mute */
  declare voice: boolean;

  constructor() {
    super();
    this.name = '';
    this.color = 0;
    this.style = 0;
    this.connected = true;
    this.gx = 128;
    this.gz = 128;
    this.staff = '';
    this.seated = false;
    this.voice = false;
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
  gx: 'uint8',
  gz: 'uint8',
  staff: 'string',
  seated: 'boolean',
  voice: 'boolean',
});
// The same as `@view() @type(...)`: these fields only reach the clients whose StateView holds this visitor.
for (const field of ['x', 'y', 'z', 'ry', 'anim'] as const) view()(Visitor.prototype, field);
