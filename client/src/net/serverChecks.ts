/**
 * The schemas that check what the server sends (API answers, room messages, hall events), with zod,
 * as one lazy chunk loaded on the first answer or message: nothing the hall draws before its first
 * frame waits on them, so they are not in the bytes the loading screen counts. Checks run in
 * arrival order: every caller chains on the same promise, and a promise runs its callbacks in the
 * order they were attached.
 */
type ServerSchemas = typeof import('./serverSchemas');

let loading: Promise<ServerSchemas> | null = null;

export function serverSchemas(): Promise<ServerSchemas> {
  loading ??= import('./serverSchemas').catch((e: unknown) => {
    // A failed chunk load is retried on the next use instead of failing every check for good.
    loading = null;
    throw e;
  });
  return loading;
}
