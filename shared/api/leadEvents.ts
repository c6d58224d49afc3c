/**
 * The server-sent events of a booth's lead stream (route `leadEvents`), as data, like events.ts is
 * for the hall: the console's inbox updates from these with no reload.
 */
import { z } from 'zod';
import { leadViewSchema } from './leads';
import { formatSse, parseSse } from './sse';

export const leadEvents = {
  /** a visitor left a card (consent given) */
  lead: { summary: 'a new lead', data: leadViewSchema },
  /** the visitor withdrew the consent or deleted the account: drop it from the inbox */
  'lead-removed': { summary: 'a lead was withdrawn', data: z.object({ id: z.string() }) },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;

export type LeadEventName = keyof typeof leadEvents;
export type LeadEventData<N extends LeadEventName> = z.output<(typeof leadEvents)[N]['data']>;
export const leadEventNames = Object.keys(leadEvents) as LeadEventName[];

export function leadSseFrame<N extends LeadEventName>(name: N, data: LeadEventData<N>): string {
  return formatSse(name, data);
}

export function parseLeadEvent<N extends LeadEventName>(name: N, raw: string): LeadEventData<N> | null {
  return parseSse(leadEvents, name, raw);
}
