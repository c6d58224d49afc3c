/** Placeholder: third-person camera following the local player. */
export function CameraRig() {
  return null;
}
