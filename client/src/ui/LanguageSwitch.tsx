import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language.startsWith('zh') ? 'en' : 'zh-CN';
  return (
    <button type="button" className="ghost" data-testid="lang-switch" lang={next} onClick={() => setLang(next)}>
      {t('hud.language')}
    </button>
  );
}
