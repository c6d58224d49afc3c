/** The `guide` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/guideTour.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  start: 'Tour with the guide',
  startLabel: 'Tour {{hall}} with {{name}}, your guide (only you see this tour)',
  stopTour: 'End the tour',
  region: 'Guide',
  defaultName: 'The guide',
  status: {
    walking: '{{name}} takes you to stop {{n}} of {{count}}',
    waiting: '{{name}} is waiting for you to catch up',
    telling: 'Stop {{n}} of {{count}}',
    toBooths: '{{name}} takes you to the booths',
    done: 'That was the tour. Thank you!',
    paused: 'Paused',
  },
  pause: 'Pause',
  resume: 'Resume',
  skip: 'Next stop',
  replay: 'Replay',
  end: 'End',
  follow: 'Follow {{name}}: the story shows at each stop.',
  followToBooths: 'Follow {{name}} to the booths, where you can meet the exhibitors.',
  voiceOn: 'Guide voice: on (mute it; the captions stay)',
  voiceOff: 'Guide voice: off (turn it on)',
  finale: {
    staff: 'Here are the booths. Staff of {{exhibitor}} are on duty: talk to them now.',
    card: 'Here are the booths. No one from {{exhibitor}} is at the booth just now: leave your card and they will get in touch.',
    none: 'Here are the booths. None is taken here yet: open the directory to find the others.',
    talk: 'Talk to staff',
    leaveCard: 'Leave a card',
    directory: 'Directory',
  },
};
