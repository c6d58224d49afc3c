/** Placeholder: on-screen joystick for touch devices. */
export function TouchJoystick() {
  return null;
}
