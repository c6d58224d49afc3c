/**
 * Colyseus' matchmaker answers any Origin and exposes `create` by default. Ludao's client only
 * ever joins (joinOrCreate with a hall id, joinById for invites) or reconnects.
 *
 * `exposedMethods` and `getCorsHeaders` are the controller settings Colyseus 0.16 documents for
 * this (see the comment on getCorsHeaders in @colyseus/core's matchmaker/controller), not
 * internals, so they are applied on the stock path too. A version whose controller no longer has
 * them would silently serve an open matchmaker: then the server refuses to start instead.
 */
import { matchMaker } from '@colyseus/core';
import type { IncomingMessage } from 'node:http';

export const EXPOSED_MATCHMAKER_METHODS = ['joinOrCreate', 'joinById', 'reconnect'];

export function restrictMatchmaker(allowedOrigins: string[]): void {
  const controller = matchMaker.controller as Partial<typeof matchMaker.controller>;
  if (!Array.isArray(controller.exposedMethods) || typeof controller.getCorsHeaders !== 'function' || typeof controller.matchmakeRoute !== 'string') {
    throw new Error('@colyseus/core matchMaker.controller has no exposedMethods/getCorsHeaders/matchmakeRoute: the matchmaker cannot be restricted');
  }
  matchMaker.controller.exposedMethods = [...EXPOSED_MATCHMAKER_METHODS];
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
