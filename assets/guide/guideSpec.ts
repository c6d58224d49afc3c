/** What each guide's file says about itself: its look is a build function over one mesh builder. */
import type { FaceStyle } from './face';
import type { MeshBuilder } from './meshBuilder';
import type { Body } from './skeleton';

export interface GuideSpec {
  /** file name inside assets/guide */
  file: string;
  /** the glTF scene root's node name */
  rootName: string;
  /** written to the root node's and the scene's extras: landmark, name_zh, name_en ... */
  extras: { landmark: string; name_zh: string; name_en: string } & Record<string, string>;
  body: Body;
  face: FaceStyle;
  build(b: MeshBuilder): void;
}
