/** The console's `qaConsole` i18n namespace, Chinese (the default). Same keys as en.ts. */
export const zhCN = {
  console: {
    title: '观众提问审核',
    intro: '通过的问题会按点赞数出现在舞台屏幕和大厅的提问面板上，所有分厅同时生效。',
    show: '显示',
    status: { pending: '待审核', approved: '已上屏', rejected: '未通过' },
    empty: { pending: '暂无待审核的问题', approved: '还没有上屏的问题', rejected: '没有未通过的问题' },
    meta: '{{name}} · {{votes}} 赞 · {{hall}} ·《{{session}}》· {{time}}',
    approve: '通过上屏',
    reject: '不通过',
    takeOff: '撤下',
    live: '实时',
    reconnecting: '实时更新中断，正在重连…',
  },
};
