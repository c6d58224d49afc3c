/**
 * The browser's device token (issue #11): the server keeps it in an httpOnly cookie, the page
 * keeps a copy in localStorage; each restores the other, and the join sends the page's copy, so a
 * ban on this browser holds after either one is cleared. No personal data: a random id.
 */
import { DEVICE_PATTERN } from '../../../../shared/api/moderationTerms';
import { api } from '../../net/api';

const KEY = 'ludao.device';

function stored(): string | null {
  try {
    const v = localStorage.getItem(KEY);
    return v && DEVICE_PATTERN.test(v) ? v : null;
  } catch {
    return null;
  }
}

/** The page's device token, made or restored with the server; null when the server cannot be reached. */
export async function ensureDevice(): Promise<string | null> {
  const mine = stored();
  try {
    const { device } = await api('device', { body: { device: mine } });
    // the page's own copy stays as it is: when it and the cookie differ, the join sends both
    if (!mine) localStorage.setItem(KEY, device);
    return mine ?? device;
  } catch {
    return mine;
  }
}
