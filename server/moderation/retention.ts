/**
 * Moderation's part of the retention job (server/jobs/retention.ts): the audit log is kept 400 days,
 * well over the six months the Cybersecurity Law asks for (the log's own purge never goes below
 * that); closed reports, which hold a reported line and chosen names, go 30 days after closing.
 */
import type { Repositories } from '../db/repositories';

export const AUDIT_KEEP_DAYS = 400;
export const CLOSED_REPORT_KEEP_DAYS = 30;

export async function purgeModeration(repos: Pick<Repositories, 'audit' | 'moderation'>, now = Date.now()): Promise<{ audit: number; reports: number }> {
  const [audit, reports] = await Promise.all([
    repos.audit.purgeOlderThan(AUDIT_KEEP_DAYS, now),
    repos.moderation.purgeClosedReports(CLOSED_REPORT_KEEP_DAYS, now),
  ]);
  return { audit, reports };
}
