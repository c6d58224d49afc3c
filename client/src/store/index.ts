/** One store from typed slices; components read it with narrow selectors. */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createVisitorsSlice, type VisitorsSlice } from './visitorsSlice';
import { createChatSlice, type ChatSlice } from './chatSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createBoothsSlice, type BoothsSlice } from './boothsSlice';

export type Store = SessionSlice & VisitorsSlice & ChatSlice & UiSlice & BoothsSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createVisitorsSlice(...a),
  ...createChatSlice(...a),
  ...createUiSlice(...a),
  ...createBoothsSlice(...a),
}));
