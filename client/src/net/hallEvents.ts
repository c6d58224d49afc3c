/** Listens to one kind of the hall's server-sent events, with its data checked by the shared schema. */
import { parseHallEvent, type HallEventData, type HallEventName } from '../../../shared/api/events';

export function onHallEvent<N extends HallEventName>(source: EventSource, name: N, listener: (data: HallEventData<N>) => void): void {
  source.addEventListener(name, (e) => {
    const data = parseHallEvent(name, String((e as MessageEvent).data));
    if (data) listener(data);
  });
}
