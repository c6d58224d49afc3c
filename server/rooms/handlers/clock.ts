/**
 * The server's half of a clock sample (client/src/net/clock.ts): the client's send time echoed
 * with the server's own, so the client can estimate its offset from the server's clock NTP-style
 * and every instance's stage plays the same moment. Nothing is kept: a sample costs no state.
 */
import type { ClientPayload, ServerPayload } from '../../../shared/messages';

export function clockReply(p: ClientPayload<'clock'>, serverNow: number): ServerPayload<'clock'> {
  return { t0: p.t0, server: serverNow };
}
