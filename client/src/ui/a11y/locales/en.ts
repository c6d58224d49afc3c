/** The `a11y` i18n namespace, English. Same keys as zh-CN.ts (checked by tests/unit/a11yNearby.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  skip: 'Skip to 2D catalog',
  skipHint: 'the whole expo without the 3D scene',
  canvas: '{{hall}}, 3D hall: walk with the arrow keys or WASD, turn with Q / E; booths and landmarks close by are in the "Nearby" list',
  nearby: 'Booths and landmarks nearby',
  nearbyHint: 'Enter opens, arrow keys walk',
  none: 'No booth or landmark nearby',
  booth: 'Booth',
  hotspot: 'Landmark',
  entry: '{{kind}}: {{name}}, {{where}}',
  here: 'right here',
  arrived: 'Arrived — {{kind}}: {{name}}',
  away: '{{distance}} m {{direction}}',
  dir: {
    ahead: 'ahead',
    aheadRight: 'ahead right',
    right: 'to the right',
    behindRight: 'behind right',
    behind: 'behind',
    behindLeft: 'behind left',
    left: 'to the left',
    aheadLeft: 'ahead left',
  },
};
