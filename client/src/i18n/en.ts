import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English. Typed against zh-CN so a missing key fails the typecheck. */
export const en: Shape<typeof zhCN> = {
  app: { title: 'Ludao Cloud Expo', tagline: 'Walk Xiamen landmarks — Gulangyu and Shapowei — with visitors from everywhere' },
  landing: {
    nameLabel: 'Your name',
    namePlaceholder: 'e.g. Little Egret',
    colorLabel: 'Avatar colour',
    styleLabel: 'Outfit',
    hallLabel: 'Choose a hall',
    enter: 'Enter the hall',
    privacy: 'We keep only your name and position in the hall, deleted when you leave.',
  },
  styles: { casual: 'Casual', business: 'Business', traditional: 'Minnan traditional' },
  halls: { gulangyu: 'Gulangyu', shapowei: 'Shapowei' },
  hud: {
    online: '{{count}} online',
    instance: '{{hall}} · hall {{n}}',
    visitors: 'Visitors here',
    you: ' (you)',
    away: ' (reconnecting)',
    leave: 'Leave',
    share: 'Copy link',
    copied: 'Link copied',
    quality: 'Quality',
    qualityHigh: 'High',
    qualityLow: 'Low',
    language: '中文',
    help: 'WASD/arrows to walk · click the ground to go there · drag to look around',
  },
  chat: {
    title: 'Hall chat',
    placeholder: 'Say something… (Enter to send)',
    send: 'Send',
    empty: 'No messages yet — say hello',
    tooLong: 'Messages are at most 280 characters',
  },
  status: {
    joining: 'Entering the hall…',
    loading: 'Loading the scene…',
    reconnecting: 'Connection lost, reconnecting…',
    reload: 'Reload',
    back: 'Back to start',
    retry: 'Retry',
  },
  errors: {
    name: {
      empty: 'Please enter a name',
      too_long: 'Names are at most 24 characters',
      control_chars: 'Names cannot contain control characters',
      not_text: 'That name is not valid',
    },
    outdated: 'The hall has been updated: please reload the page to enter.',
    unknownHall: 'There is no such hall',
    full: 'The hall is full, please try again shortly',
    network: 'Cannot reach the server; check your connection and retry',
    kicked: 'You were removed from the hall',
    webgl: 'Your browser cannot show 3D (WebGL)',
  },
  notices: {
    rate_limited: 'You are sending too fast, please wait',
    invalid_message: 'Invalid message ignored',
    server_shutdown: 'The server is restarting, back in a moment',
  },
  controls: { joystick: 'Movement joystick: drag to walk' },
};
