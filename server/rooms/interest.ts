/**
 * Interest management for a hall instance (issue #5), on Colyseus' own StateView.
 *
 * The floor is cut into INTEREST_CELL_M cells. Every cell that holds at least one connected
 * visitor has ONE StateView, shared by all the clients standing in it, holding the visitors of
 * that cell and the eight around it. Colyseus encodes a patch once per distinct view, so the
 * per-patch cost grows with the number of occupied cells, not with the number of clients
 * (per-client views cost O(clients x moving visitors) per patch: 4 ms at 300, 17 ms at 500).
 *
 * A client whose cell changes gets a private one-patch "transition" view: full records for the
 * visitors that just came into range, deletions (pose fields back to undefined) for those that
 * left it, and this patch's changes for everyone in range; from the next patch on it shares the
 * new cell's view. Everyone still receives every visitor's roster fields and coarse dot.
 *
 * The room calls: add/remove (join/leave), attach/detach (socket up/down), moved (after each
 * accepted move), beforePatch/afterPatch (around every patch).
 */
import { $changes, StateView } from '@colyseus/schema';
import type { Client } from '@colyseus/core';
import { DOT_REFRESH_PATCHES } from '../../shared/constants';
import { cellsAdjacent, forEachNeighbour, nextCell, toDot } from '../../shared/interest';
import { fromCm } from '../../shared/quantize';
import type { Visitor } from '../../shared/schema/Visitor';

interface Member {
  id: string;
  visitor: Visitor;
  cell: number;
  client: Client | null;
  /** index in `order`, for O(1) removal */
  slot: number;
}

interface CellView {
  cell: number;
  view: StateView;
  clients: Set<Client>;
}

export interface InterestStats {
  members: number;
  cells: number;
  views: number;
}

type Tree = StateView['visible'] extends WeakSet<infer T> ? T : never;
const treeOf = (v: Visitor): Tree => (v as unknown as { [$changes]: Tree })[$changes];

export class InterestManager {
  private readonly members = new Map<string, Member>();
  private readonly cells = new Map<number, Set<Member>>();
  private readonly views = new Map<number, CellView>();
  /** members whose pose changed since the last patch */
  private readonly dirty = new Set<Member>();
  /** clients on a one-patch transition view, and the shared view they move to afterwards */
  private readonly restore: Array<[Client, CellView]> = [];
  /** every member, for the dot refresh */
  private readonly order: Member[] = [];
  /** beforePatch's scratch: members whose cell changed, with the cell they had at the last patch */
  private readonly from = new Map<Member, number>();
  private patches = 0;

  /** A visitor entered the hall (its pose is already set). `client` is null for server-side bots. */
  add(id: string, visitor: Visitor, client: Client | null): void {
    const m: Member = { id, visitor, cell: nextCell(undefined, fromCm(visitor.x), fromCm(visitor.z)), client: null, slot: this.order.length };
    this.members.set(id, m);
    this.order.push(m);
    this.cellSet(m.cell).add(m);
    visitor.gx = toDot(fromCm(visitor.x));
    visitor.gz = toDot(fromCm(visitor.z));
    forEachNeighbour(m.cell, (k) => this.views.get(k)?.view.add(visitor));
    if (client) this.attach(id, client);
  }

  /** The visitor left for good. Removing it from the state map removes it for every client. */
  remove(id: string): void {
    const m = this.members.get(id);
    if (!m) return;
    this.detach(id);
    this.members.delete(id);
    this.dirty.delete(m);
    const set = this.cells.get(m.cell);
    set?.delete(m);
    if (set?.size === 0) this.cells.delete(m.cell);
    const last = this.order.pop()!;
    if (last !== m) {
      this.order[m.slot] = last;
      last.slot = m.slot;
    }
  }

  /** Gives a (re)connected client the view of the cell its visitor stands in. */
  attach(id: string, client: Client): void {
    const m = this.members.get(id);
    if (!m) return;
    if (m.client && m.client !== client) this.detach(id);
    m.client = client;
    const cv = this.viewOf(m.cell);
    cv.clients.add(client);
    client.view = cv.view;
  }

  /** The visitor's socket dropped (its seat may be held): it stays visible to others, but needs no view. */
  detach(id: string): void {
    const m = this.members.get(id);
    if (!m?.client) return;
    const client = m.client;
    m.client = null;
    for (const cv of this.views.values()) {
      if (cv.clients.delete(client) && cv.clients.size === 0) this.views.delete(cv.cell);
    }
    for (let i = this.restore.length - 1; i >= 0; i--) if (this.restore[i][0] === client) this.restore.splice(i, 1);
  }

  /** The visitor's pose changed; cells are re-evaluated once per patch, not per message. */
  moved(id: string): void {
    const m = this.members.get(id);
    if (m) this.dirty.add(m);
  }

  /** Runs right before Colyseus encodes a patch. */
  beforePatch(): void {
    // 1. Cell changes, with the cell each member had when the last patch went out.
    const from = this.from;
    from.clear();
    for (const m of this.dirty) {
      const cell = nextCell(m.cell, fromCm(m.visitor.x), fromCm(m.visitor.z));
      if (cell !== m.cell) {
        from.set(m, m.cell);
        this.relocate(m, cell);
      }
    }
    this.dirty.clear();

    // 2. Clients whose own cell changed switch view (after all moves, so views are final).
    for (const [m, oldCell] of from) if (m.client) this.switchView(m, m.client, oldCell, from);
    from.clear();

    // 3. Every visitor's dot, once every DOT_REFRESH_PATCHES patches, all in the same patch: the
    // other patches then carry only what views changed, and idle corners receive nothing at all.
    if (++this.patches >= DOT_REFRESH_PATCHES) {
      this.patches = 0;
      for (const m of this.order) {
        const v = m.visitor;
        v.gx = toDot(fromCm(v.x));
        v.gz = toDot(fromCm(v.z));
      }
    }
  }

  /** Runs right after the patch went out: transition views are done. */
  afterPatch(): void {
    for (const [client, cv] of this.restore) client.view = cv.view;
    this.restore.length = 0;
  }

  /** Ids of the visitors whose full pose `id` receives (tests and diagnostics). */
  nearOf(id: string): string[] {
    const m = this.members.get(id);
    if (!m) return [];
    const out: string[] = [];
    forEachNeighbour(m.cell, (k) => this.cells.get(k)?.forEach((u) => out.push(u.id)));
    return out;
  }

  stats(): InterestStats {
    return { members: this.members.size, cells: this.cells.size, views: this.views.size };
  }

  private cellSet(cell: number): Set<Member> {
    let s = this.cells.get(cell);
    if (!s) {
      s = new Set();
      this.cells.set(cell, s);
    }
    return s;
  }

  private viewOf(cell: number): CellView {
    let cv = this.views.get(cell);
    if (!cv) {
      cv = { cell, view: new StateView(), clients: new Set() };
      const view = cv.view;
      forEachNeighbour(cell, (k) => this.cells.get(k)?.forEach((u) => view.add(u.visitor)));
      this.views.set(cell, cv);
    }
    return cv;
  }

  /** Moves a member between cells and updates every shared view that gains or loses it. */
  private relocate(m: Member, to: number): void {
    const was = m.cell;
    const set = this.cells.get(was);
    set?.delete(m);
    if (set?.size === 0) this.cells.delete(was);
    m.cell = to;
    this.cellSet(to).add(m);
    const touched = new Set<number>();
    const visit = (k: number) => {
      if (touched.has(k)) return;
      touched.add(k);
      const cv = this.views.get(k);
      if (!cv) return;
      const before = cellsAdjacent(k, was);
      const after = cellsAdjacent(k, to);
      if (after && !before) cv.view.add(m.visitor);
      else if (before && !after) cv.view.remove(m.visitor);
    };
    forEachNeighbour(was, visit);
    forEachNeighbour(to, visit);
  }

  private switchView(m: Member, client: Client, oldCell: number, from: Map<Member, number>): void {
    let old: CellView | undefined;
    for (const cv of this.views.values()) {
      if (cv.clients.has(client)) {
        old = cv;
        break;
      }
    }
    if (old) {
      old.clients.delete(client);
      if (old.clients.size === 0) this.views.delete(old.cell);
    }
    const target = this.views.get(m.cell);
    const created = !target;
    const cv = target ?? this.viewOf(m.cell);
    cv.clients.add(client);
    // A brand-new view already carries full records for everything in range; otherwise the
    // client gets a private view for this one patch, with full records only where it needs them.
    const view = created ? cv.view : new StateView();
    if (!created) {
      forEachNeighbour(m.cell, (k) =>
        this.cells.get(k)?.forEach((u) => {
          const seenCell = from.get(u) ?? u.cell;
          // Already in this client's range at the last patch, with every change delivered: the
          // view only has to let this patch's changes through, not resend the whole record.
          // (Someone who joined since then is all changes this patch anyway.)
          if (cellsAdjacent(seenCell, oldCell)) view.visible.add(treeOf(u.visitor));
          else view.add(u.visitor);
        }),
      );
    }
    // Whoever was in range at the last patch and is not now: clear their pose fields.
    const drop = (u: Member) => {
      if (cellsAdjacent(u.cell, m.cell)) return;
      view.add(u.visitor);
      view.remove(u.visitor);
    };
    forEachNeighbour(oldCell, (k) => this.cells.get(k)?.forEach(drop));
    for (const [u, seen] of from) if (cellsAdjacent(seen, oldCell)) drop(u);
    if (!created) {
      client.view = view;
      this.restore.push([client, cv]);
    } else {
      client.view = cv.view;
    }
  }
}
