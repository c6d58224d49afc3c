/** The `guideAsk` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/askGuide.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  title: 'Ask the guide',
  intro: "I'm {{name}}. Ask me where a booth, a product or a landmark is, or what's on now.",
  close: 'Close ask the guide',
  inputLabel: 'Your question',
  placeholder: 'e.g. Where is Piano Isle Acoustics?',
  send: 'Ask',
  you: 'You',
  thinking: 'Let me look…',
  suggestionsLabel: 'Try asking',
  suggestions: {
    s1: 'Who makes smart speakers?',
    s2: 'Where is Sunlight Rock?',
    s3: "What's on now?",
    s4: 'How do I get to Shapowei?',
  },
  takeMeThere: 'Take me there',
  takeMeTo: 'Take me to {{name}}',
  openDirectory: 'Open the directory',
  empty: 'What would you like to know? Ask me where a booth is, who makes something, or what is on now.',
  greeting: "Hello! I'm {{name}}. Looking for a booth, a product, a landmark, or what's on now?",
  help: 'I can tell you where an exhibitor or a landmark is ("Where is Piano Isle Acoustics?"), who makes something ("Who makes smart speakers?") and what is on now and next ("What\'s on?"). When I find it, I take you there.',
  thanks: "You're welcome! Ask me anything else.",
  unknown: "Sorry, I don't know that one. I only know this expo's exhibitors, products, landmarks and programme. The exhibitor directory may have it.",
  where: {
    booth: "{{name}}'s booth is right here in {{hall}}. I'll take you there.",
    boothElsewhere: "{{name}}'s booth is in the {{hall}} hall. I can take you there.",
    place: "{{name}} is here in {{hall}}. I'll take you there.",
    placeElsewhere: '{{name}} is in {{hall}}. I can take you there.',
    hall: "{{name}} is the other hall. I'll take you there.",
    hallHere: 'You are in {{name}} now.',
    many: 'I found {{count}} places that may be it:',
  },
  whoMakes: {
    product: '{{product}} is made by {{name}}, whose booth is right here in {{hall}}.',
    productElsewhere: '{{product}} is made by {{name}}, whose booth is in the {{hall}} hall.',
    booth: '{{name}} does that; their booth is right here in {{hall}}.',
    boothElsewhere: '{{name}} does that; their booth is in the {{hall}} hall.',
    many: '{{count}} exhibitors have something like it:',
  },
  agenda: {
    onAndNext: 'On the {{hall}} stage now: “{{title}}”, until {{end}}. Next: “{{next}}” at {{start}}.',
    on: 'On the {{hall}} stage now: “{{title}}”, until {{end}}.',
    next: 'Nothing is on in {{hall}} right now. Next: “{{title}}” at {{start}}.',
    none: 'Nothing more is planned in {{hall}}.',
    session: '“{{title}}” is on the {{hall}} stage from {{start}} to {{end}}.',
    sessionOn: '“{{title}}” is on the {{hall}} stage now, until {{end}}.',
    sessionOver: '“{{title}}” ended at {{end}}.',
  },
};
