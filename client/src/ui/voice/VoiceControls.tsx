/**
 * The toolbar's proximity voice controls (issue #13): a voice on/off toggle, and while it is on,
 * Mute and (on desktop) push-to-talk with the V key. The engine (client/src/voice/) is a lazy
 * chunk loaded on the first "voice on", so the hall's first bytes stay as they were. Errors (no
 * mic, permission denied, WeChat's browser...) show as a short alert under the buttons.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentRoom } from '../../net/connection';
import { useStore } from '../../store';
import { useVoice } from './voiceStore';
import './voice.css';

type Engine = typeof import('../../voice/engine');
let engineChunk: Promise<Engine> | null = null;
const loadEngine = () => (engineChunk ??= import('../../voice/engine'));

/** Push-to-talk makes sense where there is a keyboard and a fine pointer (desktop). */
const desktop = () => typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/** A microphone, drawn (an emoji would need a colour font the hall does not ship). */
function MicIcon() {
  return (
    <svg className="voice-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="5.5" y="1.5" width="5" height="8.5" rx="2.5" fill="currentColor" />
      <path d="M3.5 7.5a4.5 4.5 0 0 0 9 0M8 12v2.5M5.5 14.5h5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Leaving the hall hangs up and releases the mic. Called by the HUD, which lives as long as the
 * hall page: the controls themselves move between the toolbar and the folded menu with the layout.
 */
export function useHangUpOnLeave(): void {
  useEffect(
    () => () => {
      if (engineChunk) void engineChunk.then((m) => m.voiceEngine.stop());
    },
    [],
  );
}

export function VoiceControls() {
  const { t } = useTranslation();
  const hallId = useStore((s) => s.hallId);
  const status = useVoice((s) => s.status);
  const muted = useVoice((s) => s.muted);
  const ptt = useVoice((s) => s.ptt);
  const talking = useVoice((s) => s.talking);
  const error = useVoice((s) => s.error);
  const [canPtt] = useState(desktop);

  // `window.__ludao.voice()` for e2e tests: the engine's own view once its chunk has loaded
  useEffect(() => {
    const probe = window.__ludao;
    if (!probe) return;
    let engine: Engine | null = null;
    const read = () =>
      engine?.voiceEngine.probe() ?? {
        status: useVoice.getState().status,
        muted: false,
        ptt: false,
        sending: false,
        error: useVoice.getState().error,
        mic: 0,
        iceServers: 0,
        speaking: [],
        indicators: 0,
        peers: {},
      };
    probe.voice = read;
    const unsub = useVoice.subscribe((s) => {
      if (s.status !== 'off' && !engine) void loadEngine().then((m) => (engine = m));
    });
    return () => {
      unsub();
      if (probe.voice === read) delete probe.voice;
    };
  }, []);

  // push-to-talk: the mic sends while V is held (never while typing in chat)
  useEffect(() => {
    if (status === 'off' || !ptt) return;
    const set = useVoice.getState().setTalking;
    const down = (e: KeyboardEvent) => {
      if (e.code === 'KeyV' && !e.repeat && !typingInto(e.target)) set(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'KeyV') set(false);
    };
    const blur = () => set(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      set(false);
    };
  }, [status, ptt]);

  async function toggle() {
    const room = currentRoom();
    if (status !== 'off') {
      (await loadEngine()).voiceEngine.stop();
      return;
    }
    if (!room || !hallId) return;
    useVoice.getState().setError(null);
    try {
      const { voiceEngine } = await loadEngine();
      await voiceEngine.start(room, hallId);
    } catch {
      // the chunk did not load (offline) or the browser threw: a clear error, never a crash
      useVoice.getState().setError('failed');
      useVoice.getState().setStatus('off');
    }
  }

  const on = status !== 'off';
  return (
    <span className="voice-controls" data-testid="voice-controls" data-status={status}>
      <button
        type="button"
        className={on ? 'pill voice-on' : 'pill'}
        data-testid="voice-toggle"
        aria-pressed={on}
        title={on ? t('voice.turnOff') : t('voice.turnOn')}
        aria-label={on ? t('voice.turnOff') : t('voice.turnOn')}
        // not `disabled` while starting: a disabled button drops keyboard focus (the nearby list would take it)
        aria-busy={status === 'starting'}
        onClick={() => {
          if (status !== 'starting') void toggle();
        }}
      >
        <MicIcon /> {status === 'starting' ? t('voice.starting') : t('voice.on')}
      </button>
      {status === 'on' && (
        <button type="button" className="pill" data-testid="voice-mute" aria-pressed={muted} onClick={() => useVoice.getState().setMuted(!muted)}>
          {muted ? t('voice.unmute') : t('voice.mute')}
        </button>
      )}
      {status === 'on' && canPtt && (
        <button
          type="button"
          className={talking ? 'pill voice-talking' : 'pill'}
          data-testid="voice-ptt"
          aria-pressed={ptt}
          title={t('voice.pttOn')}
          onClick={() => useVoice.getState().setPtt(!ptt)}
        >
          {talking ? t('voice.talking') : t('voice.ptt')}
        </button>
      )}
      {error && (
        <span className="voice-error" role="alert" data-testid="voice-error" data-code={error}>
          {t(`voice.errors.${error}`)}
          <button type="button" className="ghost" onClick={() => useVoice.getState().setError(null)}>
            {t('voice.dismiss')}
          </button>
        </span>
      )}
    </span>
  );
}
