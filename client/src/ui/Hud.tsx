import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_COLORS } from '../../../shared/constants';
import type { HallId } from '../../../shared/halls';
import { navigate } from '../router';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { InviteButton } from './InviteButton';

export function Hud({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation();
  const visitors = useStore((s) => s.visitors);
  const selfId = useStore((s) => s.sessionId);
  const instance = useStore((s) => s.instance);
  const quality = useStore((s) => s.quality);
  const setQuality = useStore((s) => s.setQuality);
  const toast = useStore((s) => s.toast);
  const [listOpen, setListOpen] = useState(false);
  // On narrow screens the actions fold into a menu (CSS decides which form shows).
  const [menuOpen, setMenuOpen] = useState(false);

  const list = useMemo(
    () => Object.values(visitors).sort((a, b) => (a.id === selfId ? -1 : b.id === selfId ? 1 : a.name.localeCompare(b.name))),
    [visitors, selfId],
  );

  async function share() {
    const url = `${window.location.origin}/hall/${hallId}`;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      window.prompt(t('hud.share'), url);
      return;
    }
    toast('hud.copied');
  }

  return (
    <>
      <header className="hud-top">
        <div className="hud-title" data-testid="hud-instance">
          {t('hud.instance', { hall: t(`halls.${hallId}`), n: instance })}
        </div>
        <button type="button" className="pill" data-testid="online-count" aria-expanded={listOpen} onClick={() => setListOpen((o) => !o)}>
          <span className="dot" aria-hidden="true" />
          {t('hud.online', { count: list.length })}
        </button>
        <button
          type="button"
          className="pill hud-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="hud-actions"
          onClick={() => setMenuOpen((o) => !o)}
        >
          ☰ {t('hud.menu')}
        </button>
        <div id="hud-actions" className={menuOpen ? 'hud-actions open' : 'hud-actions'}>
          <InviteButton hallId={hallId} />
          <button type="button" className="ghost" onClick={() => void share()}>
            {t('hud.share')}
          </button>
          <button
            type="button"
            className="ghost"
            data-testid="quality-toggle"
            onClick={() => setQuality(quality === 'high' ? 'low' : 'high', true)}
          >
            {t('hud.quality')}: {quality === 'high' ? t('hud.qualityHigh') : t('hud.qualityLow')}
          </button>
          <LanguageSwitch />
          <button type="button" className="ghost" data-testid="leave" onClick={() => navigate('/')}>
            {t('hud.leave')}
          </button>
        </div>
      </header>
      {listOpen && (
        <aside className="visitor-list panel" data-testid="visitor-list" aria-label={t('hud.visitors')}>
          <h2>{t('hud.visitors')}</h2>
          <ul>
            {list.map((v) => (
              <li key={v.id}>
                <span className="swatch-dot" style={{ background: AVATAR_COLORS[v.color] ?? '#888' }} aria-hidden="true" />
                {v.name}
                {v.id === selfId && t('hud.you')}
                {!v.connected && t('hud.away')}
              </li>
            ))}
          </ul>
        </aside>
      )}
      <p className="hud-help">{t('hud.help')}</p>
    </>
  );
}
