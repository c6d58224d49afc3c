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
    done: 'That was the tour. Thank you!',
    paused: 'Paused',
  },
  pause: 'Pause',
  resume: 'Resume',
  skip: 'Next stop',
  replay: 'Replay',
  end: 'End',
  follow: 'Follow {{name}}: the story shows at each stop.',
};
