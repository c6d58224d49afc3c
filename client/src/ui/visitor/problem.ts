/** What went wrong, in words a visitor can act on: the server's own message, or ours for the common cases. */
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../../net/api';

export function problemText(err: unknown, t: TFunction): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 0) return t('visitor.network');
    if (err.status === 429) return t('visitor.tooMany');
    // the server's message names the field and the rule (e.g. "Invalid body: body.email: Invalid email address")
    return err.message;
  }
  if (err instanceof TypeError) return t('visitor.network');
  return (err as Error)?.message ?? String(err);
}
