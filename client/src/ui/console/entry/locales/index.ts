/** Registers the `entryConsole` namespace when the organizer's entry-rules card loads: only organizers read these words. */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'entryConsole';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
