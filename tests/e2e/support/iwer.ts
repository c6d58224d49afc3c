/**
 * An emulated headset for e2e tests and benches: iwer (the WebXR emulation runtime, a devDependency)
 * injected before the app loads, as a Meta Quest 3 whose controllers a test drives from
 * `window.__xrDevice` (position, orientation, trigger, thumbstick).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

const IWER_BUILD = path.resolve(import.meta.dirname, '../../../node_modules/iwer/build/iwer.min.js');

export async function installHeadset(page: Page, options: { stereo?: boolean } = {}): Promise<void> {
  await page.addInitScript({ path: IWER_BUILD });
  await page.addInitScript((stereo: boolean) => {
    const w = window as unknown as { IWER: { XRDevice: new (config: unknown) => IwerDevice; metaQuest3: unknown }; __xrDevice?: IwerDevice };
    const device = new w.IWER.XRDevice(w.IWER.metaQuest3);
    device.stereoEnabled = stereo;
    // Chromium exposes its own navigator.xr (with no device behind it headless): replace it
    device.installRuntime({ forceInstall: true });
    w.__xrDevice = device;
  }, options.stereo ?? false);
}

/** The parts of iwer's XRDevice the tests use. */
export interface IwerDevice {
  stereoEnabled: boolean;
  installRuntime(options?: { forceInstall?: boolean }): void;
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  controllers: Record<'left' | 'right', IwerController>;
}

export interface IwerController {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  updateButtonValue(id: string, value: number): void;
  updateAxes(id: string, x: number, y: number): void;
}

declare global {
  interface Window {
    __xrDevice?: IwerDevice;
  }
}

/**
 * Points the right controller (held at `from`, in the headset's reference space: +y up, −z ahead)
 * at `to` in the same space: the quaternion that turns −z onto the direction.
 */
export async function aimRightController(page: Page, from: { x: number; y: number; z: number }, to: { x: number; y: number; z: number }): Promise<void> {
  await page.evaluate(
    ({ from, to }) => {
      const d = { x: to.x - from.x, y: to.y - from.y, z: to.z - from.z };
      const len = Math.hypot(d.x, d.y, d.z);
      d.x /= len;
      d.y /= len;
      d.z /= len;
      // rotation from a = (0, 0, -1) to d: axis a × d, angle acos(a · d)
      const ax = { x: 0 * d.z - -1 * d.y, y: -1 * d.x - 0 * d.z, z: 0 };
      const dot = -d.z;
      const w = 1 + dot;
      const n = Math.hypot(ax.x, ax.y, ax.z, w);
      const c = window.__xrDevice!.controllers.right;
      c.position.set(from.x, from.y, from.z);
      if (n < 1e-6) c.quaternion.set(0, 1, 0, 0);
      else c.quaternion.set(ax.x / n, ax.y / n, ax.z / n, w / n);
    },
    { from, to },
  );
}

/** A full trigger press and release on the right controller (WebXR's `select` fires on release). */
export async function pullRightTrigger(page: Page, frames: (n: number) => Promise<void>): Promise<void> {
  await page.evaluate(() => window.__xrDevice!.controllers.right.updateButtonValue('trigger', 1));
  await frames(3);
  await page.evaluate(() => window.__xrDevice!.controllers.right.updateButtonValue('trigger', 0));
  await frames(3);
}
