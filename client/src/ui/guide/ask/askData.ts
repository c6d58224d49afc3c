/**
 * What the guide knows, gathered for the matcher: each hall's places from its layout (landmarks and
 * their hotspots, the stage, the ferry or portal, the booth zones, the hall itself), the booths as the
 * API lists them, the agenda's sessions. Pure: the layouts come from shared/halls, the rest is passed in.
 */
import type { BoothView } from '../../../../../shared/api/schemas';
import type { AgendaSessionView } from '../../../../../shared/api/agenda';
import { HALL_IDS, getLayout, type HallId } from '../../../../../shared/halls';
import { isWalkable, type HallLayout } from '../../../../../shared/layout';
import type { AskBooth, AskData, AskPlace, AskSession, Bi } from './matcher';

/** The walkable point nearest (x, z), searched in rings up to 8 m out (a landmark may stand on rock or water). */
export function standingPoint(layout: HallLayout, x: number, z: number): { x: number; z: number } | null {
  for (let r = 0; r <= 8; r += 0.5)
    for (let a = 0; a < 16; a++) {
      const px = x + r * Math.cos((a * Math.PI) / 8);
      const pz = z + r * Math.sin((a * Math.PI) / 8);
      if (isWalkable(layout, px, pz)) return { x: px, z: pz };
    }
  return null;
}

/** Extra names people use for a hall's fixed places. */
const STAGE_NAMES: Bi[] = [
  { zh: '舞台', en: 'stage' },
  { zh: '主舞台', en: 'main stage' },
  { zh: '演讲台', en: 'screen' },
];
const FERRY_NAMES: Bi[] = [
  { zh: '渡轮', en: 'ferry' },
  { zh: '轮渡', en: 'boat' },
];
const PORTAL_NAMES: Bi[] = [{ zh: '光门', en: 'portal' }];

export function hallPlaces(hallId: HallId): AskPlace[] {
  const layout = getLayout(hallId);
  const places: AskPlace[] = [];
  const add = (p: Omit<AskPlace, 'x' | 'z' | 'hallId'>, x: number, z: number) => {
    const at = standingPoint(layout, x, z);
    if (at) places.push({ ...p, hallId, ...at });
  };
  // a hotspot and the landmark that stands for it on the map are one place: stand where the map says
  const used = new Set<string>();
  for (const h of layout.hotspots) {
    const mark = layout.landmarks.find((m) => m.id === h.id) ?? layout.landmarks.find((m) => Math.hypot(m.x - h.x, m.z - h.z) < h.radius);
    if (mark) used.add(mark.id);
    const portal = layout.portals.find((p) => Math.hypot(p.x - h.x, p.z - h.z) < h.radius + p.radius + 6);
    const aliases = mark ? [mark.name] : [];
    if (portal) aliases.push(portal.label, ...(portal.kind === 'ferry' ? FERRY_NAMES : PORTAL_NAMES));
    add({ id: h.id, kind: portal ? 'ferry' : 'landmark', name: h.title, aliases }, mark?.x ?? h.x, mark?.z ?? h.z);
  }
  for (const m of layout.landmarks) if (!used.has(m.id)) add({ id: `landmark-${m.id}`, kind: 'landmark', name: m.name, aliases: [] }, m.x, m.z);
  // the audience stands a few metres in front of the stage's screen
  const s = layout.stage;
  add({ id: 'stage', kind: 'stage', name: STAGE_NAMES[0], aliases: STAGE_NAMES.slice(1) }, s.x + Math.sin(s.ry) * 8, s.z + Math.cos(s.ry) * 8);
  for (const zone of layout.zones) {
    const slots = layout.boothSlots.filter((b) => b.zone === zone.id);
    if (!slots.length) continue;
    const x = slots.reduce((n, b) => n + b.x, 0) / slots.length;
    const z = slots.reduce((n, b) => n + b.z, 0) / slots.length;
    add({ id: `zone-${zone.id}`, kind: 'zone', name: zone.name, aliases: [] }, x, z);
  }
  const spawn = layout.spawns[0];
  places.push({ id: `hall-${hallId}`, hallId, kind: 'hall', name: layout.name, aliases: [], x: spawn.x, z: spawn.z });
  return places;
}

export function boothOf(b: BoothView): AskBooth {
  return {
    boothId: b.id,
    hallId: b.hallId,
    slotId: b.slotId,
    name: b.exhibitor.name,
    title: b.title,
    description: b.exhibitor.description,
    products: b.products.map((p) => ({ name: p.name, description: p.description })),
  };
}

export function sessionOf(s: AgendaSessionView): AskSession {
  return { id: s.id, hallId: s.hallId, title: s.title, speakers: s.speakers.map((p) => p.name), tags: s.tags, startsAt: s.startsAt, endsAt: s.endsAt };
}

export function askData(hallId: HallId, booths: readonly BoothView[], sessions: readonly AgendaSessionView[]): AskData {
  const halls: Record<string, Bi> = {};
  for (const id of HALL_IDS) halls[id] = getLayout(id).name;
  return {
    hallId,
    halls,
    booths: booths.map(boothOf),
    places: HALL_IDS.flatMap(hallPlaces),
    sessions: sessions.map(sessionOf),
  };
}
