/** VR words (zh-CN), registered when the XR chunk loads. */
export const zhCN = {
  enter: '进入 VR',
  failed: '无法进入 VR：头显没有响应，请重试',
  booth: {
    exhibitor: '展商：{{name}}',
    staffOn: '工作人员在线',
    staffOff: '工作人员暂不在线',
    products: '展品',
    noProducts: '暂无展品',
    leaveCard: '留名片',
    askStaff: '咨询展商',
    meeting: '预约洽谈',
    close: '关闭',
    onScreen: '名片、咨询和预约需要填写：将退出 VR，在屏幕上继续',
  },
  captions: { stage: '舞台', guide: '导览' },
  hint: '扳机：指向地面瞬移，指向展位打开 · 摇杆左右：转向',
};
