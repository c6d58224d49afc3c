/**
 * useFrame priorities (all negative: a positive one would take rendering over from R3F).
 * The local player moves first, so avatars, labels and the camera all see this frame's pose.
 */
export const FRAME = {
  localMotion: -30,
  avatars: -20,
  labels: -10,
  camera: -10,
} as const;
