import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_COLORS } from '../../../shared/constants';
import type { HallId } from '../../../shared/halls';
import { catalogPath, navigate } from '../router';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { InviteButton } from './InviteButton';
import { DirectoryButton } from './booth/DirectoryButton';
import { AgendaButton } from './agenda/AgendaButton';
import { GuideButton } from './guide/GuideButton';
import { AskGuideButton } from './guide/ask/AskGuideButton';
import { useAsk } from './guide/ask/askStore';
import { PassportButton } from './passport/PassportButton';
import { Slot, useArrangement } from './layout/Overlay';
import { ModerationButton } from './moderation/ChatLineActions';
import { EnterVrButton } from '../vr/EnterVrButton';
import { QualityControl } from './QualityControl';
import { useHangUpOnLeave, VoiceControls } from './voice/VoiceControls';

/** The toolbar (its actions fold into a menu panel below the wide form) and the visitor list. */
export function Hud({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation();
  const visitors = useStore((s) => s.visitors);
  const selfId = useStore((s) => s.sessionId);
  const instance = useStore((s) => s.instance);
  const raise = useStore((s) => s.raisePanel);
  const compact = useArrangement().form !== 'wide';
  const [listOpen, setListOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const closeList = useCallback(() => setListOpen(false), []);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useHangUpOnLeave();
  // the ask panel opened from the folded menu takes the menu's place
  const askOpen = useAsk((s) => s.open);
  useEffect(() => {
    if (askOpen) setMenuOpen(false);
  }, [askOpen]);

  const list = useMemo(
    () => Object.values(visitors).sort((a, b) => (a.id === selfId ? -1 : b.id === selfId ? 1 : a.name.localeCompare(b.name))),
    [visitors, selfId],
  );

  function toggleList() {
    if (!listOpen) raise('visitorList');
    setListOpen(!listOpen);
  }

  return (
    <>
      <Slot id="toolbar">
        <header className="hud-top">
          <div className="hud-title" data-testid="hud-instance">
            {t('hud.instance', { hall: t(`halls.${hallId}`), n: instance })}
          </div>
          <button type="button" className="pill" data-testid="online-count" aria-expanded={listOpen} onClick={toggleList}>
            <span className="dot" aria-hidden="true" />
            {t('hud.online', { count: list.length })}
          </button>
          <DirectoryButton />
          <AgendaButton />
          <PassportButton hallId={hallId} />
          <EnterVrButton />
          {/* on a small screen the voice controls fold into the menu, with the other actions */}
          {!compact && <VoiceControls />}
          {compact ? (
            <button
              type="button"
              className="pill hud-menu-toggle"
              data-testid="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="hud-actions"
              onClick={() => {
                if (!menuOpen) raise('menu');
                setMenuOpen(!menuOpen);
              }}
            >
              ☰ {t('hud.menu')}
            </button>
          ) : (
            <HudActions hallId={hallId} />
          )}
        </header>
      </Slot>
      {compact && (
        <Slot id="menu" open={menuOpen} onClose={closeMenu} keepMounted>
          <HudActions hallId={hallId} />
          <VoiceControls />
        </Slot>
      )}
      {listOpen && (
        <Slot id="visitorList" onClose={closeList}>
          <aside className="visitor-list panel" data-testid="visitor-list" aria-label={t('hud.visitors')}>
            <h2>{t('hud.visitors')}</h2>
            <ul>
              {list.map((v) => (
                <li key={v.id}>
                  <span className="swatch-dot" style={{ background: AVATAR_COLORS[v.color] ?? '#888' }} aria-hidden="true" />
                  {v.name}
                  {v.id === selfId && t('hud.you')}
                  {!v.connected && t('hud.away')}
                  {v.seated && <span data-testid="visitor-seated">{t('hud.inCatalog')}</span>}
                  {v.id !== selfId && <ModerationButton subject={{ kind: 'person', sessionId: v.id, name: v.name }} />}
                </li>
              ))}
            </ul>
          </aside>
        </Slot>
      )}
    </>
  );
}

function HudActions({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation();
  const toast = useStore((s) => s.toast);

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
    <div id="hud-actions" className="hud-actions" data-testid="hud-actions">
      <GuideButton hallId={hallId} />
      <AskGuideButton />
      <InviteButton hallId={hallId} />
      <button type="button" className="ghost" onClick={() => void share()}>
        {t('hud.share')}
      </button>
      <QualityControl />
      <LanguageSwitch />
      {/* the same hall without the 3D scene (issue #13): its own page and URL */}
      <a
        className="button ghost"
        href={catalogPath(hallId)}
        data-testid="hud-catalog"
        onClick={(e) => {
          e.preventDefault();
          navigate(catalogPath(hallId));
        }}
      >
        {t('hud.catalog')}
      </a>
      <button type="button" className="ghost" data-testid="leave" onClick={() => navigate('/')}>
        {t('hud.leave')}
      </button>
    </div>
  );
}
