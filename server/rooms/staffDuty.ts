/**
 * Staff who go on or off duty while they are in the hall (issue #10 item 4): the join marks a
 * staff member at their booth, but the console's duty switch can flip any time after. Every booth
 * event of this hall (server/events.ts: the duty route publishes one, and so does the duty's own
 * expiry, ../booths/dutyExpiry.ts) makes the room read again, for each signed-in exhibitor
 * account in it, which booth that account is on duty at, and re-mark the avatar, the right to
 * present and the "staff" sender role to match. Only exhibitor accounts are read: a handful per hall.
 */
import type { Client } from '@colyseus/core';
import type { SenderRole } from '../../shared/messages';
import { serialRefresh } from '../lib/serialRefresh';
import type { StaffPost } from './account';
import type { Session } from './session';

export interface StaffDutySource {
  /** this hall's booth change events; returns the unsubscribe function */
  onChange(hallId: string, listener: () => void): () => void;
  postOf(userId: string, hallId: string): Promise<StaffPost>;
}

export interface StaffDutyRoom {
  hallId: string;
  clients(): Iterable<Client<Session>>;
  /** the avatar's staff mark (the booth id, '' for none) */
  mark(sessionId: string, boothId: string): void;
  /** lost duty: a presentation they were giving ends */
  offDuty(sessionId: string): void;
  onError(err: unknown): void;
}

export class RoomStaffDuty {
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  readonly refresh = serialRefresh(
    () => this.run(),
    () => this.closed,
  );

  constructor(
    private readonly source: StaffDutySource,
    private readonly room: StaffDutyRoom,
  ) {}

  open(): void {
    this.unsubscribe = this.source.onChange(this.room.hallId, () => void this.refresh());
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async run(): Promise<void> {
    const staff = [...this.room.clients()].filter((c) => c.userData?.userId && c.userData.accountRole === 'exhibitor');
    for (const c of staff) {
      try {
        const post = await this.source.postOf(c.userData!.userId!, this.room.hallId);
        if (this.closed) return;
        this.apply(c, post);
      } catch (err) {
        this.room.onError(err);
      }
    }
  }

  private apply(c: Client<Session>, post: StaffPost): void {
    const s = c.userData!;
    const wasSlot = s.staffSlotId;
    if (wasSlot === post.staffSlotId) return;
    const roles = new Set<SenderRole>(s.roles);
    if (post.staffBoothId) roles.add('staff');
    else roles.delete('staff');
    s.roles = roles;
    s.staffSlotId = post.staffSlotId;
    this.room.mark(c.sessionId, post.staffBoothId ?? '');
    if (wasSlot) this.room.offDuty(c.sessionId);
  }
}
