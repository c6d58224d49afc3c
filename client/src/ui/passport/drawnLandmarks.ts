/** The landmarks whose stamps have their own drawing (stampPictures.tsx draws exactly these; a unit test checks every hall's landmark is here). */
export const DRAWN_LANDMARKS = [
  'pier',
  'bagua-lou',
  'sunlight-rock',
  'shuzhuang',
  'piano-museum',
  'koxinga',
  'gangzaihou',
  'drum-wave-rock',
  'shelter',
  'art-west',
  'qilou',
  'seafront',
] as const;
export type DrawnLandmark = (typeof DRAWN_LANDMARKS)[number];
