/**
 * Registers the `guideAsk` namespace with the app's i18next when the ask panel's chunk loads: its
 * words stay out of the hall's first bytes (the HUD button's label is layout.askGuide).
 */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'guideAsk';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
