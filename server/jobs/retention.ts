/**
 * The retention job: leads are deleted LEAD_RETENTION_DAYS after their expo ends (the consent
 * notice promises it). Runs at start and then hourly; the clock is a parameter so tests can move it.
 * With several processes each runs it; the delete is idempotent, so that only repeats a cheap query.
 */
import type { ExpoServices } from '../http/services';
import { purgeModeration } from '../moderation/retention';

const EVERY_MS = 60 * 60 * 1000;

export async function runRetention(s: Pick<ExpoServices, 'repos' | 'leadEvents' | 'config' | 'logger'>, now = Date.now()): Promise<number> {
  const gone = await s.repos.leads.purgeExpired(now, s.config.expo.leadRetentionDays);
  for (const g of gone) s.leadEvents.publish({ boothId: g.boothId, name: 'lead-removed', data: { id: g.leadId } });
  if (gone.length) s.logger.info({ leads: gone.length, days: s.config.expo.leadRetentionDays }, 'retention: deleted leads of ended expos');
  // the audit log past its 400 days, closed reports past 30 (server/moderation/retention.ts)
  const moderation = await purgeModeration(s.repos, now);
  if (moderation.audit || moderation.reports) s.logger.info(moderation, 'retention: deleted old audit entries and closed reports');
  return gone.length;
}

/** Starts the hourly run; returns the stop function. */
export function startRetention(s: Pick<ExpoServices, 'repos' | 'leadEvents' | 'config' | 'logger'>, clock: () => number = Date.now): () => void {
  const tick = () => void runRetention(s, clock()).catch((err: unknown) => s.logger.warn({ err }, 'retention run failed'));
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
