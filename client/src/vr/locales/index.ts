/** Registers the `vr` namespace when the XR chunk loads: its words stay out of the hall's initial bytes. */
import i18n from '../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'vr';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
