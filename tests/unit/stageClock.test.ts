/** The client's server-clock estimate (net/clock.ts) and the premiere's sync rules (ui/stage/premiereSync.ts). */
import { describe, expect, it } from 'vitest';
import { ClockEstimator } from '../../client/src/net/clock';
import {
  bannerShown,
  correction,
  formatCountdown,
  STAGE_BANNER_LEAD_MS,
  isOwnMediaUrl,
  premierePosition,
  stagePhase,
  stageVolume,
} from '../../client/src/ui/stage/premiereSync';
import type { StageView } from '../../client/src/store/stageSlice';
import { clientMessages } from '../../shared/messages';

describe('ClockEstimator', () => {
  it('keeps the sample with the shortest round trip', () => {
    const c = new ClockEstimator();
    // the server is 5000 ms ahead; each answer waits a different time on the way back
    const trueOffset = 5000;
    const sample = (t0: number, out: number, back: number) => c.add(t0, t0 + out + trueOffset, t0 + out + back);
    sample(1000, 40, 200); // queued on the way back: offset off by 80 ms
    sample(2000, 10, 12); // quick: good to 1 ms
    sample(3000, 150, 30);
    expect(c.best()?.rtt).toBe(22);
    expect(Math.abs(c.offset() - trueOffset)).toBeLessThanOrEqual(1);
    expect(c.count()).toBe(3);
  });
  it('drops samples older than its window but always keeps the newest', () => {
    const c = new ClockEstimator(120_000);
    c.add(0, 100, 10); // rtt 10, offset 95
    c.add(200_000, 200_500, 200_100); // rtt 100, offset 450: the old good sample has aged out
    expect(c.count()).toBe(1);
    expect(c.offset()).toBe(450);
  });
  it('starts at zero and ignores impossible samples', () => {
    const c = new ClockEstimator();
    expect(c.offset()).toBe(0);
    expect(c.add(100, 0, 50)).toBeNull();
    expect(c.add(NaN, 0, 50)).toBeNull();
    expect(c.count()).toBe(0);
  });
  it('is carried by a validated message that only a finite time passes', () => {
    expect(clientMessages.clock.schema.safeParse({ t0: 12 }).success).toBe(true);
    expect(clientMessages.clock.schema.safeParse({ t0: Infinity }).success).toBe(false);
    expect(clientMessages.clock.schema.safeParse({ t0: '12' }).success).toBe(false);
    expect(clientMessages.clock.schema.safeParse({ t0: 12, extra: 1 }).success).toBe(false);
  });
});

describe('premiere sync rules', () => {
  const stage: StageView = {
    sessionId: 's',
    kind: 'premiere',
    title: { zh: '首映', en: 'Premiere' },
    startsAt: 100_000,
    endsAt: 130_000,
    videoUrl: '/media/x.mp4',
    captionsUrl: '',
    liveUrl: '',
    updatedAt: 1,
  };
  it('places the video at (serverNow - startsAt) / 1000 s and names the phase', () => {
    expect(premierePosition(stage, 112_500)).toBe(12.5);
    expect(stagePhase(stage, 99_999)).toBe('before');
    expect(stagePhase(stage, 100_000)).toBe('on');
    expect(stagePhase(stage, 130_000)).toBe('after');
    expect(stagePhase(null, 0)).toBe('none');
  });
  it('leaves small drift alone, nudges the rate past 0.25 s and seeks past 1 s', () => {
    expect(correction(10.1, 10, 1)).toEqual({ seekTo: null, rate: 1 });
    expect(correction(10.4, 10, 1)).toEqual({ seekTo: null, rate: 0.95 }); // ahead: slower
    expect(correction(9.6, 10, 1)).toEqual({ seekTo: null, rate: 1.05 }); // behind: faster
    expect(correction(11.5, 10, 1)).toEqual({ seekTo: 10, rate: 1 });
    expect(correction(8.9, 10, 0.95)).toEqual({ seekTo: 10, rate: 1 });
  });
  it('lets a running nudge finish near zero, and stops one that overshot', () => {
    expect(correction(10.15, 10, 0.95)).toEqual({ seekTo: null, rate: 0.95 }); // still ahead, still slower
    expect(correction(10.03, 10, 0.95)).toEqual({ seekTo: null, rate: 1 }); // settled
    expect(correction(9.85, 10, 0.95)).toEqual({ seekTo: null, rate: 1 }); // now behind: slowing is wrong
  });
  it('fades the sound with distance and is silent past 40 m', () => {
    expect(stageVolume(0)).toBe(1);
    expect(stageVolume(6)).toBe(1);
    expect(stageVolume(23)).toBeCloseTo(0.25, 2);
    expect(stageVolume(40)).toBe(0);
    expect(stageVolume(100)).toBe(0);
    expect(stageVolume(NaN)).toBe(0);
  });
  it('plays only our own files', () => {
    expect(isOwnMediaUrl('/media/abc/demo.mp4')).toBe(true);
    expect(isOwnMediaUrl('//evil.example/x.mp4')).toBe(false);
    expect(isOwnMediaUrl('https://evil.example/x.mp4')).toBe(false);
    expect(isOwnMediaUrl('')).toBe(false);
  });
  it('formats countdowns', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(4.2)).toBe('0:05');
    expect(formatCountdown(725)).toBe('12:05');
    expect(formatCountdown(3723)).toBe('1:02:03');
  });
});

describe('the stage banner', () => {
  const at = (startsAt: number) => ({ startsAt, endsAt: startsAt + 3600_000 }) as StageView;
  it('shows a session on now or starting within the lead time, not one hours ahead', () => {
    expect(bannerShown(at(1000), 2000, false)).toBe(true);
    expect(bannerShown(at(STAGE_BANNER_LEAD_MS), 0, false)).toBe(true);
    expect(bannerShown(at(STAGE_BANNER_LEAD_MS + 1), 0, false)).toBe(false);
    expect(bannerShown(at(12 * 3600_000), 0, true)).toBe(true);
    expect(bannerShown(null, 0, false)).toBe(false);
  });
});
