/**
 * Listens to one kind of the hall's server-sent events, with its data checked by the shared schema
 * (loaded with the first event, see serverChecks.ts; events are delivered in arrival order).
 */
import type { HallEventData, HallEventName } from '../../../shared/api/events';
import { serverSchemas } from './serverChecks';

export function onHallEvent<N extends HallEventName>(source: EventSource, name: N, listener: (data: HallEventData<N>) => void): void {
  source.addEventListener(name, (e) => {
    const raw = String((e as MessageEvent).data);
    serverSchemas().then(
      ({ parseHallEvent }) => {
        const data = parseHallEvent(name, raw);
        if (data) listener(data);
      },
      () => undefined,
    );
  });
}
