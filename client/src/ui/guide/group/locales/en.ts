/** The `groupTour` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/groupTourClient.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  region: 'Group tour',
  title: {
    guide: 'Group tour with {{name}}',
    host: 'Group tour led by {{host}}',
    agenda: 'Group tour: {{title}}',
  },
  status: {
    walking: '{{name}} takes everyone to stop {{n}} of {{count}}',
    telling: 'Stop {{n}} of {{count}}',
    host: 'Stop {{n}} of {{count}} ({{host}} tells it)',
  },
  follow: 'Follow',
  followGuide: 'Follow {{name}}: your avatar walks behind at walking pace; any key stops it',
  followHost: 'Follow {{host}}: your avatar walks behind at walking pace; any key stops it',
  following: 'Following (click to stop)',
  join: 'Join the group tour',
  lead: 'Start a group tour',
  leadGuide: 'The guide leads',
  leadHost: 'I lead',
  next: 'Next stop',
  gather: 'Gather here',
  gatherLabel: 'Ask everyone to gather next to me',
  end: 'End the tour',
  offer: '{{by}} asks everyone to gather. Walk over next to {{where}}?',
  offerGo: 'Walk over',
  offerNo: 'No, thanks',
  hostWord: 'the host',
  guideWord: 'the guide',
  refused: {
    busy: 'A group tour is already on here',
    no_tour: 'No group tour is on now',
    not_host: 'Only the tour’s host or an organizer can do that',
    last_stop: 'This is the last stop',
    no_stops: 'This hall has no tour stops',
    too_soon: 'Everyone was just called together: try again in a moment',
  },
};
