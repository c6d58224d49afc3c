/**
 * Follows one booth's lead stream (route leadEvents, events in shared/api/leadEvents.ts): a new
 * lead, a withdrawn one, and whether the stream is up. After a drop the inbox refetches, as the
 * hall's booth feed does, because events sent meanwhile were not delivered to us. The console is
 * its own chunk and already carries zod, so events are checked here directly.
 */
import { parseLeadEvent, type LeadEventData } from '../../../../../shared/api/leadEvents';
import type { LeadView } from '../../../../../shared/api/leads';
import { routeUrl } from '../../../net/api';

export interface LeadStreamHandlers {
  onLead: (lead: LeadView) => void;
  onRemoved: (data: LeadEventData<'lead-removed'>) => void;
  /** up: connected; after a drop the caller reloads (`reconnected` is true) */
  onStatus: (up: boolean, reconnected: boolean) => void;
}

export function followLeads(boothId: string, h: LeadStreamHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(routeUrl('leadEvents', { params: { boothId } }));
  let lost = false;
  source.addEventListener('lead', (e) => {
    const lead = parseLeadEvent('lead', String((e as MessageEvent).data));
    if (lead) h.onLead(lead);
  });
  source.addEventListener('lead-removed', (e) => {
    const data = parseLeadEvent('lead-removed', String((e as MessageEvent).data));
    if (data) h.onRemoved(data);
  });
  source.onopen = () => {
    h.onStatus(true, lost);
    lost = false;
  };
  source.onerror = () => {
    lost = true;
    h.onStatus(false, false);
  };
  return () => source.close();
}
