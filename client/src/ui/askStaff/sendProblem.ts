/** Why a message did not go, in words the writer can act on (hall, privacy centre and console alike). */
import type { TFunction } from 'i18next';
import { CHAT_MAX } from '../../../../shared/constants';
import { ApiRequestError } from '../../net/api';

export function sendProblem(err: unknown, t: TFunction): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 0) return t('visitor.network');
    if (err.status === 429) return t('askStaff.slowDown');
    // the text broke the hall chat rules the form checks too (the server folds and measures the same way)
    if (err.status === 400) return t('askStaff.invalid', { max: CHAT_MAX });
    if (err.status === 401) return t('askStaff.signedOut');
    if (err.status === 404) return t('askStaff.gone');
    return err.message;
  }
  if (err instanceof TypeError) return t('visitor.network');
  return (err as Error)?.message ?? String(err);
}
