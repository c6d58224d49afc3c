/**
 * Everything of Ludao's that depends on how Colyseus (@colyseus/core, @colyseus/schema) and ws work
 * inside, behind one import: the rest of the server imports this file, never the ones beside it.
 * (Tests may reach the files themselves, to test them one by one.)
 *
 * - adapter.ts: at startup, the installed versions decide between the tuned patch path and the stock one.
 * - interestSerializer.ts, viewEncoder.ts, framedSend.ts: the tuned path (private fields; exact versions).
 * - matchmakerCors.ts: which origins and matchmaker methods are allowed (documented controller settings).
 * - matchmakeRateLimit.ts: per-client limit and body cap in front of Colyseus' matchmaking listener.
 */
export { createColyseusAdapter, type ColyseusAdapter, type ColyseusAdapterOptions, type PatchPath } from './adapter';
export { installedVersions, versionMismatches, WRITTEN_FOR, type InternalsPackage, type VersionMismatch, type VersionTable } from './versions';
export { EXPOSED_MATCHMAKER_METHODS, restrictMatchmaker } from './matchmakerCors';
export { guardMatchmaking, MATCHMAKE_MAX_BODY, MatchmakeLimiter, type MatchmakeGuardOptions } from './matchmakeRateLimit';
