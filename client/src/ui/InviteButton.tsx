/**
 * Invite a group into this very instance of the hall: shows the instance's invite code and copies
 * a link (/hall/<hall>?invite=<code>) that joins the same instance while it has room.
 * Mounted by the HUD (see Hud.tsx).
 */
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../shared/halls';
import { currentRoom, inviteLink } from '../net/connection';
import { useStore } from '../store';

export function InviteButton({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation();
  // Re-renders on every (re)join, when the instance and so the code may change.
  const sessionId = useStore((s) => s.sessionId);
  const status = useStore((s) => s.status);
  const toast = useStore((s) => s.toast);
  const code = sessionId && status === 'joined' ? (currentRoom()?.roomId ?? null) : null;
  if (!code) return null;
  const url = inviteLink(hallId, code);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      toast('hud.inviteCopied');
    } catch {
      window.prompt(t('hud.invite'), url);
    }
  }

  return (
    <button type="button" className="ghost" data-testid="invite" data-code={code} title={url} onClick={() => void copy()}>
      {t('hud.invite')} · <code>{code}</code>
    </button>
  );
}
