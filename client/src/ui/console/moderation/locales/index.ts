/** Registers the console's `moderationConsole` namespace when its chunk loads (issue #11). */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'moderationConsole';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
