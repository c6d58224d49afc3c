/** Registers the `auction` namespace when the auction panel's chunk loads. */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'auction';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
