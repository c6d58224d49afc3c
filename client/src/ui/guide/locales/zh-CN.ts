/** The `guide` i18n namespace, Chinese (the default). Same keys as en.ts (tests/unit/guideTour.test.ts). */
export const zhCN = {
  start: '跟导游游览',
  startLabel: '跟导游{{name}}游览{{hall}}（只有你能看到）',
  stopTour: '结束游览',
  region: '导游讲解',
  defaultName: '导游',
  status: {
    walking: '{{name}}带你去第 {{n}}/{{count}} 站',
    waiting: '{{name}}在等你跟上',
    telling: '第 {{n}}/{{count}} 站',
    done: '游览结束，谢谢你！',
    paused: '已暂停',
  },
  pause: '暂停',
  resume: '继续',
  skip: '下一站',
  replay: '重听',
  end: '结束',
  follow: '跟着{{name}}走吧，讲解会在到站时出现。',
} as const;
