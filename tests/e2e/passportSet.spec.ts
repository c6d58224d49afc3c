/**
 * A whole stamp set, end to end (issue #12 items 5, 6 and 8), in a real browser against the real
 * server and database: a signed-in visitor in Shapowei gets the typhoon shelter's stamp where one
 * arrives; a forged claim — a "passport" message the client has no right to send, and a move that
 * jumps to the seafront — gets no stamp (the server answers "invalid message" and keeps its own
 * pose); then "take me there" walks the visitor round the buildings to each missing landmark, the
 * server stamps each one after the dwell, the completed set issues a souvenir, its /verify page says
 * genuine with the visitor's name, and the downloaded certificate edited by hand fails the check.
 */
import fs from 'node:fs';
import { encode } from '@colyseus/schema';
import { pack } from '@colyseus/msgpackr';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

type PassportProbe = { earned: string[]; souvenirs: { set: string; id: string }[]; guest: boolean };
const passportOf = (page: Page) => page.evaluate(() => window.__ludao?.passport?.() ?? null) as Promise<PassportProbe | null>;

/** Colyseus' ROOM_DATA frame, as colyseus.js writes it: the code, the type as a msgpack string, the msgpack payload. */
const ROOM_DATA = 13;
function roomFrame(type: string, payload: unknown): Buffer {
  const head: number[] = [ROOM_DATA];
  encode.string(head as unknown as Buffer, type, { offset: 1 });
  return Buffer.concat([Buffer.from(head), Buffer.from(pack(payload))]);
}

test('walk every Shapowei landmark for its stamp (a forged claim gets none), then verify the souvenir and see an edited copy fail', async ({ openVisitor }) => {
  test.setTimeout(240_000);
  const page = await openVisitor({ viewport: { width: 640, height: 400 } });
  const email = `set-${Date.now()}@e2e.ludao.example`;
  const reg = await page.request.post('/api/auth/register', { data: { email, password: 'stamp-set-password', displayName: '沙坡尾集章人' } });
  expect(reg.status()).toBe(201);
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '沙坡尾集章人', color: 5, style: 1 })));

  // the hall's room connection, held so the test can speak as this client (a wrapped WebSocket in
  // the page: colyseus.js connects through the page's own), and the notices the server sends back
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const w = window as unknown as { __forge?: WebSocket; __notices?: string[] };
    w.__notices = [];
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        if (!String(url).includes('sessionId')) return;
        w.__forge = this;
        this.addEventListener('message', (e: MessageEvent) => {
          if (!(e.data instanceof ArrayBuffer)) return;
          const text = String.fromCharCode(...new Uint8Array(e.data));
          if (text.includes('notice')) w.__notices!.push(text);
        });
      }
    } as typeof WebSocket;
  });
  const forge = (frame: Buffer) => page.evaluate((bytes) => (window as unknown as { __forge: WebSocket }).__forge.send(new Uint8Array(bytes)), [...frame]);
  const notices = () => page.evaluate(() => (window as unknown as { __notices: string[] }).__notices);
  await page.goto('/hall/shapowei');
  const hall = new HallPage(page);
  await hall.waitJoined('shapowei');
  await expect.poll(async () => (await passportOf(page))?.guest, { message: 'the passport arrives' }).toBe(false);
  // one arrives at the typhoon shelter: its stamp comes after the dwell
  await expect.poll(async () => (await passportOf(page))?.earned ?? [], { timeout: 30_000 }).toContain('shapowei:shelter');

  // forged: a passport the server never takes from a client, and a jump to the seafront
  const forged = ['shapowei:seafront', 'shapowei:qilou', 'shapowei:art-west'];
  await forge(roomFrame('passport', { earned: forged, souvenirs: [], guest: false }));
  await forge(roomFrame('move', { x: 0, z: 40, ry: 0, moving: false }));
  await expect.poll(async () => (await notices()).some((n) => n.includes('invalid_message')), { message: 'the server refused the forged message' }).toBe(true);
  // longer than the dwell: the server's own pose never reached the seafront
  await page.waitForTimeout(7000);
  const after = (await passportOf(page))!;
  for (const id of forged) expect(after.earned).not.toContain(id);
  expect(await hall.status()).toBe('joined');

  // now walk there: the passport's "take me there" for each missing landmark
  const toggle = page.getByTestId('passport-toggle');
  const panel = page.getByTestId('passport-panel');
  for (const id of ['shapowei:art-west', 'shapowei:seafront', 'shapowei:qilou']) {
    if (!(await panel.isVisible())) await toggle.click();
    await expect(panel.locator(`[data-stamp="${id}"]`)).toHaveAttribute('data-earned', 'false');
    await panel.locator(`[data-stamp="${id}"]`).getByTestId('passport-go').click();
    await expect.poll(async () => (await passportOf(page))?.earned ?? [], { timeout: 75_000, message: `walked to ${id}` }).toContain(id);
  }

  // the set is complete: the souvenir is issued to the account and linked from the passport
  await expect.poll(async () => (await passportOf(page))?.souvenirs.map((s) => s.set) ?? [], { timeout: 15_000 }).toContain('shapowei-landmarks');
  const souvenirId = (await passportOf(page))!.souvenirs.find((s) => s.set === 'shapowei-landmarks')!.id;
  if (!(await panel.isVisible())) await toggle.click();
  // every landmark stamped (booth stamps are in no set)
  await expect(panel.locator('[data-stamp^="shapowei:"]:not([data-stamp*=":booth-"])[data-earned="false"]')).toHaveCount(0);
  await expect(page.getByTestId('passport-souvenir')).toHaveAttribute('href', `/verify/${souvenirId}`);
  await page.screenshot({ path: test.info().outputPath('passport-complete.png') });

  // anyone can check it: the verify page says genuine, with the holder's name
  await page.getByTestId('leave').dispatchEvent('click');
  await page.goto(`/verify/${souvenirId}`);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'genuine', { timeout: 15_000 });
  await expect(page.getByTestId('verify-holder')).toHaveText('沙坡尾集章人');
  await expect(result).toContainText('沙坡尾地标全集');
  // the downloaded certificate passes as it is, and fails once edited
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verify-download-json').click()]);
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { certificate: Record<string, unknown>; signature: string };
  expect(doc.certificate).toMatchObject({ set: 'shapowei-landmarks', name: '沙坡尾集章人' });
  const file = page.getByTestId('verify-file');
  await file.setInputFiles({ name: 'souvenir.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('verify-file-result')).toHaveAttribute('data-status', 'genuine');
  const tampered = { ...doc, certificate: { ...doc.certificate, serial: (doc.certificate.serial as number) + 1 } };
  await file.setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(page.getByTestId('verify-file-result')).toHaveAttribute('data-status', 'altered');
});
