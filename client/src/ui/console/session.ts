/** Who is signed in to the console: one small hook over GET /api/auth/me. */
import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../../../shared/api/schemas';
import { api, ApiRequestError } from '../../net/api';

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: UserView } | { status: 'error'; message: string };

export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const { user } = await api('me');
      setState({ status: 'signed-in', user });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) setState({ status: 'signed-out' });
      else setState({ status: 'error', message: (err as Error).message });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signOut = useCallback(async () => {
    await api('logout').catch(() => {});
    setState({ status: 'signed-out' });
  }, []);
  return { state, refresh, setUser: (user: UserView) => setState({ status: 'signed-in', user }), signOut };
}

/** A readable message from an API error: the server's message, or a generic one. */
export function errorText(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return (err as Error)?.message ?? String(err);
}
