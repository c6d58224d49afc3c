/** What the build writes into index.html for the loading screen (client/build/hallFilesPlugin.ts). */
export const HALL_FILES_ID = 'ludao-hall-files';

export interface HallFile {
  url: string;
  /** uncompressed size: what a streaming reader of the response counts */
  bytes: number;
}
