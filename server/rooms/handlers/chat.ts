/**
 * Hall chat: the last CHAT_HISTORY lines kept for newcomers. The text arrives cleaned by the chat
 * schema (folded, trimmed, 1..CHAT_MAX) and the chat budget is already spent (see ../dispatch.ts).
 */
import { CHAT_HISTORY } from '../../../shared/constants';
import type { ChatMessage, ChatPayload } from '../../../shared/messages';

export interface ChatLog {
  messages: ChatMessage[];
  nextId: number;
}

export const newChatLog = (): ChatLog => ({ messages: [], nextId: 1 });

export function handleChat(log: ChatLog, from: { sessionId: string; name: string }, p: ChatPayload, now: number): ChatMessage {
  const message: ChatMessage = { id: log.nextId++, from: from.sessionId, name: from.name, text: p.text, at: now };
  log.messages.push(message);
  if (log.messages.length > CHAT_HISTORY) log.messages.splice(0, log.messages.length - CHAT_HISTORY);
  return message;
}
