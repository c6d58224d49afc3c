/** The console's `qaConsole` i18n namespace, English. Same keys as zh-CN.ts. */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  console: {
    title: 'Audience questions',
    intro: 'Approved questions show on the stage screen and in the hall Q&A panel by votes, in every instance at once.',
    show: 'Show',
    status: { pending: 'Awaiting', approved: 'On screen', rejected: 'Rejected' },
    empty: { pending: 'No question awaiting moderation', approved: 'No question on screen yet', rejected: 'No rejected question' },
    meta: '{{name}} · {{votes}} votes · {{hall}} · “{{session}}” · {{time}}',
    approve: 'Approve onto stage',
    reject: 'Reject',
    takeOff: 'Take off screen',
    live: 'Live',
    reconnecting: 'Live updates dropped; reconnecting…',
  },
};
