import { expect, type Locator, type Page } from '@playwright/test';
import type { LudaoProbe } from '../../../client/src/debug';

type Pose = ReturnType<LudaoProbe['self']>;
type Remotes = ReturnType<LudaoProbe['remotes']>;
type Proximity = ReturnType<LudaoProbe['proximity']>;
type Desk = ReturnType<LudaoProbe['desks']>[number];

/** The keys that walk towards a direction given in the camera's frame (forward, right), in eight steps. */
function keysFor(forward: number, right: number): string[] {
  const keys: string[] = [];
  // sin(22.5°): the eight directions split the circle evenly
  const T = 0.38;
  if (forward > T) keys.push('KeyW');
  if (forward < -T) keys.push('KeyS');
  if (right > T) keys.push('KeyD');
  if (right < -T) keys.push('KeyA');
  return keys;
}

/** A hall: the 3D canvas, the HUD and chat, and the window.__ludao probe. */
export class HallPage {
  readonly root: Locator;
  readonly canvas: Locator;
  readonly onlineCount: Locator;
  readonly chatInput: Locator;
  readonly chatSend: Locator;
  readonly chat: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('hall-page');
    this.canvas = page.getByTestId('hall-canvas').locator('canvas');
    this.onlineCount = page.getByTestId('online-count');
    this.chatInput = page.getByTestId('chat-input');
    this.chatSend = page.getByTestId('chat-send');
    this.chat = page.getByTestId('chat');
  }

  status(): Promise<string | null> {
    return this.page.evaluate(() => window.__ludao?.status() ?? null);
  }

  self(): Promise<Pose | null> {
    return this.page.evaluate(() => window.__ludao?.self() ?? null);
  }

  remotes(): Promise<Remotes> {
    return this.page.evaluate(() => window.__ludao?.remotes() ?? {});
  }

  /** The walk-up machine: the desk the visitor stands at, the card open, the desk closed by hand. */
  proximity(): Promise<Proximity> {
    return this.page.evaluate(() => window.__ludao!.proximity());
  }

  /** Every desk (booth, landmark hotspot) registered in the scene, as circles on the floor. */
  desks(): Promise<Desk[]> {
    return this.page.evaluate(() => window.__ludao!.desks());
  }

  /**
   * Walks with the keyboard along `path` (waypoints, the last one the goal) until `arrived()` holds,
   * steering as the player moves (keys are relative to the camera, which does not turn by itself).
   * Returns the trail walked, so a test can walk back the way it came (a straight line back may
   * run into scenery). Fails if it has not arrived within `timeoutMs`, or reached the goal without
   * `arrived()` holding.
   */
  async walk(path: { x: number; z: number }[], arrived: () => Promise<boolean>, what: string, timeoutMs = 45_000): Promise<{ x: number; z: number }[]> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const held = new Set<string>();
    const trail: { x: number; z: number }[] = [];
    const deadline = Date.now() + timeoutMs;
    // join the path where it passes closest
    const start = (await this.self())!;
    let next = 0;
    path.forEach((p, i) => {
      if (Math.hypot(p.x - start.x, p.z - start.z) < Math.hypot(path[next].x - start.x, path[next].z - start.z)) next = i;
    });
    try {
      while (!(await arrived())) {
        const { me, yaw } = await this.page.evaluate(() => ({ me: window.__ludao!.self(), yaw: window.__ludao!.cameraYaw() }));
        const last = trail[trail.length - 1];
        if (!last || Math.hypot(me.x - last.x, me.z - last.z) > 0.5) trail.push({ x: me.x, z: me.z });
        // a waypoint on the way counts once close to it or once passed (the one after it is closer): a
        // slow page moves the player a metre or two between two looks, and must not circle a waypoint
        const gap = (i: number) => Math.hypot(path[i].x - me.x, path[i].z - me.z);
        while (next < path.length - 1 && (gap(next) < 1.5 || gap(next + 1) <= gap(next))) next++;
        const to = path[next];
        const dx = to.x - me.x;
        const dz = to.z - me.z;
        const d = Math.hypot(dx, dz);
        if (d < 0.3 || Date.now() > deadline) {
          throw new Error(
            `walking to ${what}: not there at (${me.x.toFixed(1)}, ${me.z.toFixed(1)}), waypoint ${next + 1}/${path.length} (${to.x.toFixed(1)}, ${to.z.toFixed(1)}) ${d.toFixed(1)} m away`,
          );
        }
        // forward is (sin yaw, cos yaw), right is (-cos yaw, sin yaw): see controls/localMotion.ts
        const want = keysFor((dx * Math.sin(yaw) + dz * Math.cos(yaw)) / d, (-dx * Math.cos(yaw) + dz * Math.sin(yaw)) / d);
        for (const k of [...held]) {
          if (want.includes(k)) continue;
          held.delete(k);
          await this.page.keyboard.up(k);
        }
        for (const k of want) {
          if (held.has(k)) continue;
          held.add(k);
          await this.page.keyboard.down(k);
        }
      }
    } finally {
      for (const k of held) await this.page.keyboard.up(k);
    }
    return trail;
  }

  /** Resolves once the page has drawn `n` more frames (the walk-up tracker checks five times a second). */
  async frames(n: number): Promise<void> {
    await this.page.evaluate(
      (count) =>
        new Promise<void>((resolve) => {
          let left = count;
          const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
      n,
    );
  }

  /**
   * Ready for a canvas shot: every web font in use has loaded (the signs and name labels are drawn
   * with them) and ten more frames have been drawn since, so first shader compiles are behind us.
   */
  async settledForShot(): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await this.frames(10);
  }

  /** Joined, placed by the server, and the canvas is on screen. */
  async waitJoined(hallId = 'gulangyu'): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/hall/${hallId}(\\?|$)`));
    // the hall's chunk has to download and start first: beside a page rendering in software that can take a while
    await expect(this.root).toBeVisible({ timeout: 30_000 });
    // Generous: under load the first frame (scene build, shader compile in software) is slow.
    // A second page joining beside one that renders in software waits on its own first shader
    // compiles, which block its main thread (and so its socket) for tens of seconds on two cores.
    await expect.poll(() => this.status(), { message: 'joined', timeout: 60_000 }).toBe('joined');
    // As generous: the answer comes through page.evaluate, which waits while those first frames
    // block the page (a second page joining beside a rendering one has taken over 15 s in CI).
    await expect.poll(async () => (await this.self())?.ready, { message: 'placed by the server', timeout: 30_000 }).toBe(true);
    await expect(this.canvas).toBeVisible();
  }

  /** Waits until the renderer has drawn something (the probe reports once a second). */
  async waitRendered(): Promise<void> {
    await expect.poll(() => this.page.evaluate(() => window.__ludao?.render?.calls ?? 0), { message: 'draw calls', timeout: 20_000 }).toBeGreaterThan(0);
  }

  /**
   * Waits until the page draws frames steadily (5 frames within 4 s: software WebGL on two shared
   * cores with two pages open is slow, but not stalled). Right after joining,
   * building the scene and compiling shaders in software can block the page for many seconds;
   * a key held during such a stall would arrive as a press and release with no frame between.
   */
  async waitSettled(timeoutMs = 60_000): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const t0 = performance.now();
                let n = 0;
                const tick = () => (++n >= 5 ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
                requestAnimationFrame(tick);
              }),
          ),
        { message: 'page drawing at least 1.25 frames per second', timeout: timeoutMs, intervals: [250] },
      )
      .toBeLessThan(4000);
  }

  /** Closes the landmark card that opens where a visitor stands (it covers part of a small screen). */
  /** Finds an exhibitor in the directory and goes to its booth; returns the booth id once its panel shows. */
  async openBoothFromDirectory(search: string): Promise<string> {
    const page = this.page;
    await page.getByTestId('directory-toggle').click();
    await page.getByTestId('directory-search').fill(search);
    const entry = page.getByTestId('directory-list').locator('li').first();
    await expect(entry).toContainText(search);
    const boothId = (await entry.getAttribute('data-booth'))!;
    await entry.getByTestId('directory-go').click();
    await expect(page.getByTestId('booth-panel')).toHaveAttribute('data-booth', boothId);
    return boothId;
  }

  async closeHotspotCard(): Promise<void> {
    const card = this.page.getByTestId('hotspot-card');
    if (await card.isVisible()) {
      await card.getByTestId('hotspot-close').click();
      await expect(card).toBeHidden();
    }
  }

  /** Unfolds the chat log (small screens start with it folded). */
  async openChat(): Promise<void> {
    await this.closeHotspotCard();
    const fold = this.page.getByTestId('chat-fold');
    if ((await fold.count()) && (await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
    await expect(this.chat.locator('ol')).toBeVisible();
  }

  async say(text: string): Promise<void> {
    await this.chatInput.fill(text);
    await this.chatSend.click();
  }

  /** Holds a key down (by its code, e.g. 'KeyW') with focus on the scene, not on a text field. */
  async holdKey(code: string, ms: number): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.down(code);
    await this.page.waitForTimeout(ms);
    await this.page.keyboard.up(code);
  }
}
