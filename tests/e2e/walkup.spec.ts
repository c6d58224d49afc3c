/**
 * "Walk up, a card opens", in a real hall with the keyboard: the arrival spot's landmark card, then
 * the booth nearest to it. A card opened by walking up closes by walking away; one closed by hand
 * stays closed while the visitor stays, and opens again once they have walked away and come back.
 * Positions come from the window.__ludao probe (the desks the scene registered), not from copies;
 * walks back retrace the way the visitor came, so scenery on a straight line back cannot block them.
 */
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

test('walking up to a landmark or a booth opens its card, walking away closes it, closing by hand lasts until you come back', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '走近测试', color: 2, style: 0 })));
  // The real hall, its booths and hotspots; `scene=empty` only skips drawing the landmarks, which software WebGL
  // renders at a frame or two a second: walking speed is per frame (at most 0.25 s of it), so that would triple the walks.
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.waitSettled();
  const card = page.getByTestId('hotspot-card');
  const panel = page.getByTestId('booth-panel');

  // Arrivals stand at the pier's hotspot: its card opens by itself.
  await expect(card).toBeVisible({ timeout: 15_000 });
  const arrival = await hall.proximity();
  expect(arrival.near?.kind).toBe('hotspot');
  const pier = arrival.near!;
  await expect(card).toHaveAttribute('data-hotspot', pier.id);
  const spawn = (await hall.self())!;

  // The booth nearest the arrival spot (booths load from the API after joining).
  await expect
    .poll(() => hall.desks().then((d) => d.filter((x) => x.kind === 'booth').length), { message: 'booths placed', timeout: 20_000 })
    .toBeGreaterThan(0);
  const booths = (await hall.desks()).filter((d) => d.kind === 'booth');
  const dist = (d: { x: number; z: number }) => Math.hypot(d.x - spawn.x, d.z - spawn.z);
  const target = booths.reduce((a, b) => (dist(b) < dist(a) ? b : a));
  const booth = { kind: 'booth', id: target.id };
  const near = () => hall.proximity().then((p) => p.near);
  const at = (desk: { kind: string; id: string }) => () => near().then((n) => n?.kind === desk.kind && n.id === desk.id);
  const awayFrom = (desk: { kind: string; id: string }) => () => near().then((n) => n?.kind !== desk.kind || n.id !== desk.id);

  // The landmark card closed by hand stays closed while the visitor stands there...
  await card.getByTestId('hotspot-close').click();
  await expect(card).toBeHidden();
  await hall.frames(10);
  expect(await hall.proximity()).toMatchObject({ near: pier, card: null, dismissed: pier });
  // ...and opens again by itself once they have left the hotspot and come back.
  const leftPier = await hall.walk([target], awayFrom(pier), 'out of the pier hotspot');
  expect((await hall.proximity()).dismissed).toBeNull();
  await expect(card).toBeHidden();
  await hall.walk([...leftPier].reverse(), at(pier), 'back into the pier hotspot');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-hotspot', pier.id);

  // Walk up to the booth: its panel opens by itself, and the landmark card gives way to it.
  const there = await hall.walk([target], at(booth), `booth ${booth.id}`);
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-booth', booth.id);
  await expect(card).toBeHidden();
  expect((await hall.proximity()).card).toEqual({ ...booth, via: 'near' });
  const back = [...there].reverse();

  // Closed by hand: it stays closed while the visitor stands at the booth (the tracker checks five times a second).
  await panel.getByTestId('booth-panel-close').click();
  await expect(panel).toBeHidden();
  await hall.frames(20);
  expect(await hall.proximity()).toMatchObject({ near: booth, card: null, dismissed: booth });
  await expect(panel).toBeHidden();

  // Away from the booth, the dismissal is forgotten; back at it, the panel opens by itself again.
  const stepAway = await hall.walk(back, awayFrom(booth), 'away from the booth');
  expect((await hall.proximity()).dismissed).toBeNull();
  await expect(panel).toBeHidden();
  await hall.walk([...stepAway].reverse().concat(target), at(booth), `booth ${booth.id} again`);
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-booth', booth.id);

  // And walking away closes it by itself.
  await hall.walk(back, awayFrom(booth), 'away from the booth again');
  await expect(panel).toBeHidden();
  expect((await hall.proximity()).card).toBeNull();
});
