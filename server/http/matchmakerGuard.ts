/**
 * Colyseus' matchmaker answers any Origin and exposes `create` by default. Ludao's client only
 * ever joins (joinOrCreate with a hall id, joinById for invites) or reconnects.
 */
import { matchMaker } from '@colyseus/core';
import type { IncomingMessage } from 'node:http';

export function restrictMatchmaker(allowedOrigins: string[]): void {
  matchMaker.controller.exposedMethods = ['joinOrCreate', 'joinById', 'reconnect'];
  matchMaker.controller.getCorsHeaders = function (req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    const host = req.headers.host;
    if (!origin) return {};
    const sameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    if (sameOrigin || allowedOrigins.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    // Another site is answered with our own origin, which its browser will not match, so it can
    // neither send nor read. (Not 'null': a sandboxed frame on any site sends Origin: null.)
    return { 'Access-Control-Allow-Origin': host ? `http://${host}` : 'http://localhost', Vary: 'Origin' };
  };
}
