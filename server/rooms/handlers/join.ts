/** Join: options from the visitor's browser are checked before a seat exists. */
import { PROTOCOL_VERSION, JoinError } from '../../../shared/protocol';
import { checkName, parseJoinOptions } from '../../../shared/validate';
import { isHallId, type HallId } from '../../../shared/halls';
import type { HallLayout } from '../../../shared/layout';
import { groundHeight, isWalkable } from '../../../shared/layout';
import { toCm, yawToByte } from '../../../shared/quantize';
import { Visitor } from '../../../shared/schema/Visitor';
import type { HallAccount } from '../account';
import { starterWordFilter, type WordFilter } from '../../moderation/wordFilter';

export interface JoinAuth {
  hallId: HallId;
  name: string;
  color: number;
  style: number;
  /** joined from the 2D catalog (issue #13): seated at the entrance, its moves refused */
  seated?: boolean;
  /** the signed-in account, when the matchmaking request carried a session (server-side only) */
  account?: HallAccount | null;
  /** what a mute or ban of this visitor is bound to: account, device tokens (moderation, server-side only) */
  moderationKeys?: string[];
}

export type JoinCheck = { ok: true; auth: JoinAuth } | { ok: false; code: JoinError; detail?: string };

/** `words`: the sensitive-word filter names are checked against (the starter lists when none is given). */
export function checkJoin(raw: unknown, words: Pick<WordFilter, 'check'> = starterWordFilter()): JoinCheck {
  // The version is read first and alone, so a client from another release gets "please reload"
  // rather than a confusing complaint about some field that changed shape.
  const protocol = (raw as { protocol?: unknown } | null)?.protocol;
  if (protocol !== PROTOCOL_VERSION) return { ok: false, code: JoinError.outdated };
  const opts = parseJoinOptions(raw);
  if (!opts) return { ok: false, code: JoinError.badOptions };
  if (!isHallId(opts.hallId)) return { ok: false, code: JoinError.unknownHall };
  const name = checkName(opts.name);
  if (!name.ok) return { ok: false, code: JoinError.badName, detail: name.problem };
  // a name is shown to everyone: one with a listed word is refused, not masked
  if (words.check(name.name).hits.length) return { ok: false, code: JoinError.nameRefused };
  return { ok: true, auth: { hallId: opts.hallId, name: name.name, color: opts.color, style: opts.style, ...(opts.mode === '2d' ? { seated: true } : {}) } };
}

/**
 * Where a 2D catalog visitor sits (issue #13): a row of seats beside the hall's first spawn point
 * (the entrance), alternating left and right of it, a second row behind once eight are taken.
 * A seat that is not walkable (water, a wall) falls back to the spawn point itself.
 */
export function seatAtEntrance(layout: HallLayout, seq: number): { x: number; z: number; ry: number } {
  const spawn = layout.spawns[0];
  const i = seq % 16;
  const side = i % 2 === 0 ? 1 : -1;
  const along = 1.6 + 0.9 * Math.floor((i % 8) / 2);
  const back = i >= 8 ? 1.2 : 0;
  // facing (sin ry, cos ry); its right hand is (cos ry, -sin ry)
  const sx = Math.cos(spawn.ry);
  const sz = -Math.sin(spawn.ry);
  const x = spawn.x + sx * side * along - Math.sin(spawn.ry) * back;
  const z = spawn.z + sz * side * along - Math.cos(spawn.ry) * back;
  return isWalkable(layout, x, z) ? { x, z, ry: spawn.ry } : { x: spawn.x, z: spawn.z, ry: spawn.ry };
}

/** A new visitor stands at one of the hall's spawn points, spread a little so people do not overlap. */
export function createVisitor(auth: JoinAuth, layout: HallLayout, seq: number): Visitor {
  if (auth.seated) return seatedVisitor(auth, layout, seq);
  const spawn = layout.spawns[seq % layout.spawns.length];
  const angle = seq * 2.399963; // golden angle: an even scatter around the spawn point
  let r = 0.8 * Math.sqrt(seq % 12);
  let x = spawn.x + Math.cos(angle) * r;
  let z = spawn.z + Math.sin(angle) * r;
  // The scatter must not put anyone in the water or inside a wall: pull in towards the spawn point.
  while (r > 0 && !isWalkable(layout, x, z)) {
    r = r < 0.2 ? 0 : r / 2;
    x = spawn.x + Math.cos(angle) * r;
    z = spawn.z + Math.sin(angle) * r;
  }
  const v = new Visitor();
  v.name = auth.name;
  v.color = auth.color;
  v.style = auth.style;
  v.staff = auth.account?.staffBoothId ?? '';
  v.x = toCm(x);
  v.z = toCm(z);
  v.y = toCm(groundHeight(layout, x, z));
  v.ry = yawToByte(spawn.ry);
  // Pose fields have no constructor default (see Visitor.ts): every one is set here.
  v.anim = 0;
  return v;
}

/** A 2D catalog visitor: seated at the entrance, where the server keeps them (moves are refused). */
function seatedVisitor(auth: JoinAuth, layout: HallLayout, seq: number): Visitor {
  const seat = seatAtEntrance(layout, seq);
  const v = new Visitor();
  v.name = auth.name;
  v.color = auth.color;
  v.style = auth.style;
  v.staff = auth.account?.staffBoothId ?? '';
  v.seated = true;
  v.x = toCm(seat.x);
  v.z = toCm(seat.z);
  v.y = toCm(groundHeight(layout, seat.x, seat.z));
  v.ry = yawToByte(seat.ry);
  v.anim = 0;
  return v;
}
