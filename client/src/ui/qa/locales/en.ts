/** The `qa` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/i18n.test.ts style parity in qaClient.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  title: 'Audience Q&A',
  expand: 'Show questions',
  collapse: 'Hide questions',
  session: 'Session: {{title}}',
  askLabel: 'Ask this session',
  askPlaceholder: 'Your question (up to {{max}} characters)',
  ask: 'Send question',
  left: '{{left}} of {{limit}} questions left in this session',
  none: 'You have asked all your questions for this session',
  tooLong: 'A question is at most {{max}} characters',
  empty: 'Write your question first',
  sent: 'Sent. It goes on stage once a moderator approves it',
  voted: 'Upvoted',
  onScreen: 'On screen',
  waiting: 'Awaiting moderation (upvote to help the moderator choose)',
  noApproved: 'No question on screen yet',
  noPending: 'No question awaiting moderation',
  votes: '{{count}} votes',
  upvote: 'Upvote',
  upvoteLabel: 'Upvote this question: {{text}}',
  mineTag: 'Mine',
  rejected: '{{count}} of your questions were not approved',
  refusal: {
    no_session: 'Nothing is on stage right now',
    limit: 'At most {{limit}} questions per session',
    muted: 'You are muted and cannot ask for now',
    voted: 'You have already upvoted this question',
    own: 'You cannot upvote your own question',
    gone: 'That question is no longer listed',
    failed: 'Could not send, please try again later',
  },
};
