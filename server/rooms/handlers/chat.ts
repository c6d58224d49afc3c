/** Hall chat: plain text, rate limited per visitor, the last CHAT_HISTORY lines kept for newcomers. */
import { CHAT_HISTORY } from '../../../shared/constants';
import type { ChatMessage, ChatPayload } from '../../../shared/protocol';
import { checkChatText, type ChatProblem } from '../../../shared/validate';
import type { TokenBucket } from '../../lib/tokenBucket';

export interface ChatLog {
  messages: ChatMessage[];
  nextId: number;
}

export const newChatLog = (): ChatLog => ({ messages: [], nextId: 1 });

export type ChatResult = { ok: true; message: ChatMessage } | { ok: false; reason: 'rate_limited' | ChatProblem };

export function handleChat(
  log: ChatLog,
  from: { sessionId: string; name: string },
  bucket: TokenBucket,
  p: ChatPayload,
  now: number,
): ChatResult {
  const checked = checkChatText(p.text);
  if (!checked.ok) return { ok: false, reason: checked.problem };
  if (!bucket.take(now)) return { ok: false, reason: 'rate_limited' };
  const message: ChatMessage = { id: log.nextId++, from: from.sessionId, name: from.name, text: checked.text, at: now };
  log.messages.push(message);
  if (log.messages.length > CHAT_HISTORY) log.messages.splice(0, log.messages.length - CHAT_HISTORY);
  return { ok: true, message };
}
