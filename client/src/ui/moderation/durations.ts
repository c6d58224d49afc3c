/** A duration in minutes as the menus say it (i18n keys of the `moderation` block). */
export function durationLabel(t: (k: string, o?: Record<string, unknown>) => string, minutes: number): string {
  if (minutes % (24 * 60) === 0) return t('moderation.days', { count: minutes / (24 * 60) });
  if (minutes % 60 === 0) return t('moderation.hours', { count: minutes / 60 });
  return t('moderation.minutes', { count: minutes });
}
