/**
 * The instance's public tour as this page knows it (issue #12, group tours): the server's snapshot
 * (net/bindRoom feeds every `tour` message here), whether this connection may lead one, whether
 * this visitor follows the leader, and a "gather here" offer waiting for an answer. Where the guide
 * is and what it says is not stored: it follows from the snapshot and the server's clock
 * (scene/guide/publicTour.ts), so nothing here changes per frame.
 */
import { create } from 'zustand';
import type { TourMessage, TourRefusal, TourSnapshot } from '../../../../../shared/api/tour';

/** An offer stays up this long, ms (the host has moved on by then). */
export const OFFER_MS = 60_000;

export interface GatherOffer {
  x: number;
  z: number;
  by: string;
  /** local time it arrived */
  at: number;
}

export interface GroupTourState {
  tour: TourSnapshot | null;
  /** this connection may start and lead tours (organizers, booth staff on duty) */
  canLead: boolean;
  following: boolean;
  offer: GatherOffer | null;
  /** the last refusal of one of this page's commands, with when, for the toast */
  refused: { reason: TourRefusal; at: number } | null;

  apply(m: TourMessage): void;
  setFollowing(on: boolean): void;
  dismissOffer(): void;
  reset(): void;
}

const EMPTY = { tour: null, canLead: false, following: false, offer: null, refused: null };

export const useGroupTour = create<GroupTourState>((set, get) => ({
  ...EMPTY,
  apply: (m) => {
    switch (m.kind) {
      case 'state': {
        const was = get().tour;
        // a new tour (or none): following and offers belonged to the old one
        if (!m.tour || m.tour.id !== was?.id) set({ tour: m.tour, following: false, offer: null });
        else set({ tour: m.tour });
        return;
      }
      case 'lead':
        set({ canLead: true });
        return;
      case 'gather':
        if (get().tour?.id === m.tourId) set({ offer: { x: m.x, z: m.z, by: m.by, at: Date.now() } });
        return;
      case 'refused':
        set({ refused: { reason: m.reason, at: Date.now() } });
        return;
    }
  },
  setFollowing: (on) => {
    if (get().tour || !on) set({ following: on });
  },
  dismissOffer: () => set({ offer: null }),
  reset: () => set({ ...EMPTY }),
}));
