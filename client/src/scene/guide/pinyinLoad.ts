/**
 * Fetches the pinyin chunk (zhSyllables.ts, with pinyin-pro's dictionary) once, when a tour starts:
 * it never rides with the hall or the guide's model. A failed fetch leaves the stand-in visemes and
 * is tried again at the next tour.
 */
let loading: Promise<boolean> | null = null;

export function loadPinyin(): Promise<boolean> {
  loading ??= import('./zhSyllables').then(
    (m) => {
      m.install();
      return true;
    },
    () => {
      loading = null;
      return false;
    },
  );
  return loading;
}
