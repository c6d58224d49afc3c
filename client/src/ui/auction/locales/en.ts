/** The `auction` i18n namespace, English. Same keys as zh-CN.ts. */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  title: 'Live auction',
  open: 'Auction',
  kind: { goods: 'Goods', sponsorship: 'Sponsorship slot', charity: 'Charity lot' },
  startsIn: 'Opens in {{time}}',
  endsIn: '{{time}} left',
  closed: 'Closed',
  noBids: 'Starts at ¥{{price}}, no bids yet',
  leading: 'Now ¥{{price}} · leading: {{name}}',
  bids: '{{count}} bids',
  won: 'Sold for ¥{{price}} to {{name}}',
  unsold: 'Unsold (no bids)',
  yourBid: 'Your bid (CNY)',
  bid: 'Bid',
  bidMin: 'at least ¥{{price}}',
  sending: 'Sending…',
  accepted: 'Bid accepted: you lead',
  outbid: 'Someone bid more: now ¥{{price}}',
  refused: {
    not_open: 'Not open yet',
    closed: 'Already closed',
    too_low: 'Below the lowest bid allowed now',
    too_high: 'Out of range',
    no_lot: 'No such lot',
    key_taken: 'The bid did not get through: please bid again',
  },
  failed: 'The bid did not get through: {{message}}',
  softClose: 'A bid in the last {{seconds}} s moves the close to {{seconds}} s after it.',
  offPlatform: 'No payment happens here: the organizer settles sold lots off-platform, under their own licence. Souvenirs are never auctioned.',
  session: 'This auction on the agenda ›',
  signIn: 'Bidding needs a visitor account.',
};
