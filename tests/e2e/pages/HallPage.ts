import { expect, type Locator, type Page } from '@playwright/test';
import type { LudaoProbe } from '../../../client/src/debug';

type Pose = ReturnType<LudaoProbe['self']>;
type Remotes = ReturnType<LudaoProbe['remotes']>;

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

  /** Joined, placed by the server, and the canvas is on screen. */
  async waitJoined(hallId = 'gulangyu'): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/hall/${hallId}(\\?|$)`));
    await expect(this.root).toBeVisible();
    // Generous: under load the first frame (scene build, shader compile in software) is slow.
    await expect.poll(() => this.status(), { message: 'joined', timeout: 30_000 }).toBe('joined');
    // As generous: the answer comes through page.evaluate, which waits while those first frames
    // block the page (a second page joining beside a rendering one has taken over 15 s in CI).
    await expect.poll(async () => (await this.self())?.ready, { message: 'placed by the server', timeout: 30_000 }).toBe(true);
    await expect(this.canvas).toBeVisible();
  }

  /** Waits until the renderer has drawn something (the probe reports once a second). */
  async waitRendered(): Promise<void> {
    await expect
      .poll(() => this.page.evaluate(() => window.__ludao?.render?.calls ?? 0), { message: 'draw calls', timeout: 20_000 })
      .toBeGreaterThan(0);
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
