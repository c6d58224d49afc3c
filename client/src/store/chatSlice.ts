import type { StateCreator } from 'zustand';
import { CHAT_HISTORY } from '../../../shared/constants';
import type { ChatMessage } from '../../../shared/messages';
import type { Store } from './index';

export interface ChatSlice {
  messages: ChatMessage[];
  addMessage(m: ChatMessage): void;
  setHistory(ms: ChatMessage[]): void;
}

export const createChatSlice: StateCreator<Store, [], [], ChatSlice> = (set) => ({
  messages: [],
  addMessage: (m) =>
    set((s) => {
      if (s.messages.some((x) => x.id === m.id)) return s;
      const next = [...s.messages, m];
      return { messages: next.length > CHAT_HISTORY * 2 ? next.slice(-CHAT_HISTORY * 2) : next };
    }),
  setHistory: (messages) => set({ messages }),
});
