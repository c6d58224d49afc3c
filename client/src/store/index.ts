/** One store from typed slices; components read it with narrow selectors. */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createVisitorsSlice, type VisitorsSlice } from './visitorsSlice';
import { createChatSlice, type ChatSlice } from './chatSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createBoothsSlice, type BoothsSlice } from './boothsSlice';
import { createLoadingSlice, type LoadingSlice } from './loadingSlice';
import { createMoodSlice, type MoodSlice } from './moodSlice';
import { createTravelSlice, type TravelSlice } from './travelSlice';
import { createProximitySlice, type ProximitySlice } from './proximitySlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createStageSlice, type StageSlice } from './stageSlice';

export type Store = SessionSlice &
  VisitorsSlice &
  ChatSlice &
  UiSlice &
  BoothsSlice &
  LoadingSlice &
  MoodSlice &
  TravelSlice &
  ProximitySlice &
  LayoutSlice &
  StageSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createVisitorsSlice(...a),
  ...createChatSlice(...a),
  ...createUiSlice(...a),
  ...createBoothsSlice(...a),
  ...createLoadingSlice(...a),
  ...createMoodSlice(...a),
  ...createTravelSlice(...a),
  ...createProximitySlice(...a),
  ...createLayoutSlice(...a),
  ...createStageSlice(...a),
}));
