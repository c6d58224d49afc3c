/**
 * The choice between Ludao's tuned patch path and Colyseus' stock one, made once at startup.
 *
 * The tuned path (interestSerializer.ts, viewEncoder.ts, framedSend.ts) reads and writes private
 * fields of @colyseus/core's SchemaSerializer, @colyseus/schema's Encoder and StateView, and ws'
 * WebSocket and Sender. It is only correct for the exact versions it was written for, so on any
 * other installed version the adapter logs one warning and rooms keep the serializer Colyseus picked
 * itself (which sends with client.raw). The stock path is correct but slower with a crowd: it encodes
 * every visitor's pose once per view that sees it and lets ws frame every send (bench/crowd.ts). It
 * also inherits Colyseus' own handling of a patch that carries only view changes: the second client
 * of a shared view gets none of them (a standing visitor's pose then reaches it with its next change).
 *
 * The matchmaker guards (matchmakerCors.ts, matchmakeRateLimit.ts) use no internals and apply on
 * both paths.
 */
import { SchemaSerializer, type Serializer } from '@colyseus/core';
import { Encoder, type Schema } from '@colyseus/schema';
import type { Logger } from '../lib/logger';
import { InterestSerializer } from './interestSerializer';
import type { SharedViewEncoder } from './viewEncoder';
import { installedVersions, versionMismatches, WRITTEN_FOR, type InternalsPackage, type VersionMismatch, type VersionTable } from './versions';

export type PatchPath = 'tuned' | 'stock';
type SchemaClasses = ConstructorParameters<typeof SharedViewEncoder>[0];

export interface ColyseusAdapterOptions {
  /** installed versions; default: read from node_modules (tests inject a table) */
  installed?: VersionTable;
  /** versions the internals were written for; default WRITTEN_FOR */
  writtenFor?: Readonly<Record<InternalsPackage, string>>;
}

export interface ColyseusAdapter {
  readonly path: PatchPath;
  /** why the stock path was chosen (empty on the tuned path) */
  readonly mismatches: readonly VersionMismatch[];
  /**
   * For Room.setSerializer: what to use instead of the serializer Colyseus picked. On the tuned path
   * a SchemaSerializer becomes the interest serializer, sharing the encoding of `shareEncodingOf`'s
   * view-only fields between views.
   */
  roomSerializer<T extends Schema>(picked: Serializer<T>, shareEncodingOf: SchemaClasses): Serializer<T>;
}

/** Checks the installed versions (one warning on a mismatch) and picks the patch path. */
export function createColyseusAdapter(logger: Logger, options: ColyseusAdapterOptions = {}): ColyseusAdapter {
  const writtenFor = options.writtenFor ?? WRITTEN_FOR;
  const mismatches = versionMismatches(options.installed ?? installedVersions(), writtenFor);
  const path: PatchPath = mismatches.length === 0 ? 'tuned' : 'stock';
  if (path === 'stock') {
    const list = mismatches.map((m) => `${m.name} ${m.installed ?? 'not found'} (written for ${m.expected})`).join(', ');
    logger.warn({ mismatches }, `Colyseus internals: ${list}; using the stock Colyseus serializer and sending (slower with a crowd)`);
  }
  // Public setting, both paths: with per-cell views one patch encodes every occupied cell's view
  // into the shared buffer back to back; start big enough for a full hall instead of growing (and
  // warning) on the first crowd.
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 256 * 1024);
  return {
    path,
    mismatches,
    roomSerializer<T extends Schema>(picked: Serializer<T>, shareEncodingOf: SchemaClasses): Serializer<T> {
      return path === 'tuned' && picked instanceof SchemaSerializer ? new InterestSerializer<T>({ shareEncodingOf }) : picked;
    },
  };
}
