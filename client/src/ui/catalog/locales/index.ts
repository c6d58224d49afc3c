/** Registers the `catalog` namespace when the 2D catalog's chunk loads (issue #13). */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'catalog';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
