/**
 * Colyseus' SchemaSerializer, tuned for per-cell shared StateViews (see interest.ts):
 *
 * - A patch is encoded once per distinct view and the bytes reused for every client sharing it,
 *   also in a patch where only views changed (the stock serializer re-encodes per client there,
 *   and the second client of a shared view would get an empty patch once the first consumed the
 *   view's pending changes).
 * - A client whose patch would be empty gets nothing: in an idle corner of a busy hall no one is
 *   woken 20 times a second for zero bytes.
 * - With `shareEncodingOf`, a visitor's view-only changes are encoded once per patch and copied
 *   into every view that sees it (viewEncoder.ts), instead of once per view.
 * - Each distinct patch is framed once and written to every socket as is (framedSend.ts).
 * - Views are encoded one at a time in the same scratch space after the shared part (each is copied
 *   out as it is made), with room made first: Colyseus writes a view's visibility changes without
 *   bounds checks, so running out of buffer there would silently drop records.
 */
import { ClientState, Protocol, SchemaSerializer, type Client } from '@colyseus/core';
import type { Schema, StateView } from '@colyseus/schema';
import { framed, sendFramed, type Framed } from './framedSend';
import { makeRoom, SharedViewEncoder } from './viewEncoder';

/** Free buffer space guaranteed before each view is encoded (a view's records fit many times over). */
const VIEW_HEADROOM = 64 * 1024;

/** The payload framed once for every socket that receives it (its own copy: the encoder's buffer is reused). */
const frameOf = (bytes: Buffer): Framed => {
  const f = framed(bytes.length);
  bytes.copy(f.payload);
  return f;
};

export class InterestSerializer<T extends Schema> extends SchemaSerializer<T> {
  private readonly perView = new Map<StateView | undefined, Framed | null>();
  private readonly viewEncoder: SharedViewEncoder | null;

  /** `shareEncodingOf`: schema classes whose view-only fields all use the default view tag. */
  constructor(options: { shareEncodingOf?: ConstructorParameters<typeof SharedViewEncoder>[0] } = {}) {
    super();
    this.viewEncoder = options.shareEncodingOf ? new SharedViewEncoder(options.shareEncodingOf) : null;
  }

  override applyPatches(clients: Client[]): boolean {
    if (!this.hasFilters) return super.applyPatches(clients);
    const encoder = this.encoder;
    if (clients.length === 0) {
      encoder.discardChanges();
      return false;
    }
    const hasChanges = encoder.hasChanges;
    if (!hasChanges) {
      let viewChanges = false;
      for (const c of clients) {
        if (c.state === ClientState.JOINED && (c.view?.changes.size ?? 0) > 0) {
          viewChanges = true;
          break;
        }
      }
      if (!viewChanges) return false;
    } else {
      this.needFullEncode = true;
    }
    const it = { offset: 1 };
    encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
    const shared = hasChanges ? encoder.encode(it) : encoder.sharedBuffer.subarray(0, 1);
    const sharedOffset = it.offset;
    const cache = this.perView;
    const viewEncoder = this.viewEncoder;
    try {
      for (let i = clients.length - 1; i >= 0; i--) {
        const client = clients[i];
        if (client.state !== ClientState.JOINED) continue;
        const view = client.view;
        let enc = cache.get(view);
        if (enc === undefined) {
          if (!view) {
            enc = shared.length > 1 ? frameOf(shared) : null;
          } else {
            it.offset = sharedOffset;
            makeRoom(encoder, sharedOffset, VIEW_HEADROOM);
            enc = viewEncoder ? viewEncoder.encodeView(encoder, view, sharedOffset, it) : frameOf(encoder.encodeView(view, sharedOffset, it));
            if (enc.payload.length <= 1) enc = null;
          }
          cache.set(view, enc);
        }
        if (enc) sendFramed(client, enc.payload, enc.frame);
      }
    } finally {
      cache.clear();
      viewEncoder?.endPatch();
    }
    if (hasChanges) encoder.discardChanges();
    return hasChanges;
  }
}
