/** Which step of entering a hall the visitor is at, from the store's loading and connection state. */
import type { HallCode } from '../../store/loadingSlice';
import type { ConnectionStatus } from '../../store/sessionSlice';

export const HALL_STAGES = ['download', 'connect', 'build', 'ready'] as const;
export type HallStage = (typeof HALL_STAGES)[number];

/** null: something failed, and the status overlay (or the load error) says what. */
export function hallStage(code: HallCode, status: ConnectionStatus, drawn: boolean): HallStage | null {
  if (code === 'failed' || status === 'error' || status === 'outdated') return null;
  if (code !== 'ready') return 'download';
  if (status !== 'joined') return 'connect';
  if (!drawn) return 'build';
  return 'ready';
}

/** Bytes as the loading screen shows them: whole kB, at least 1 once anything has arrived. */
export function kB(bytes: number): number {
  return bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0;
}
