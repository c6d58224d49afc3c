/**
 * What the guide says at each tour stop, in the visitor's language: the stop's own line (the
 * layout's `tourStops[].say`) and, where the stop stands at a landmark's hotspot, that hotspot's
 * story (its title and body, written in assets/halls and checked against the landmark fact sheet).
 * Layout copy is data and is rendered as text only.
 */
import type { HallLayout } from '../../../../shared/layout';
import { pick } from '../../i18n/pick';
import { hotspotAt } from '../../../../shared/tourTimeline';

export interface StopCaption {
  stopId: string;
  /** the hotspot's title when the stop tells one, else '' */
  title: string;
  /** short paragraphs, in order: the stop's line, then the story */
  paragraphs: string[];
}

/** The hotspot a stop stands at (shared: the public tour times its tellings from the same text). */
export { hotspotAt };

export function stopCaption(layout: HallLayout, index: number, lang: string): StopCaption | null {
  const stop = layout.tourStops[index];
  if (!stop) return null;
  const spot = hotspotAt(layout, stop.x, stop.z);
  const paragraphs = [pick(stop.say, lang)];
  if (spot) paragraphs.push(pick(spot.body, lang));
  return { stopId: stop.id, title: spot ? pick(spot.title, lang) : '', paragraphs: paragraphs.filter((p) => p.length > 0) };
}

/** The caption as the guide speaks it: the paragraphs (the title is a heading, and the stop's line names the place already). */
export function spokenText(caption: StopCaption): string {
  return caption.paragraphs.join('\n');
}
