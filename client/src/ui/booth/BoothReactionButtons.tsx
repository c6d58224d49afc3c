/**
 * "Like" and "I have a question" at the booth one stands at: every visitor at the booth, in every
 * instance of the hall, sees them float over it, and the panel tallies the last minute's. Away
 * from the booth the buttons say why they are off. A short local cool-down matches the server's
 * budget, so a held-down key cannot spend it.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionKind } from '../../../../shared/messages';
import { sendReaction } from '../../net/send';
import { useStore } from '../../store';

const COOL_MS = 700;

export function BoothReactionButtons({ slotId, near }: { slotId: string; near: boolean }) {
  const { t } = useTranslation();
  const reactions = useStore((s) => s.reactions);
  const [last, setLast] = useState(0);
  const tally = useMemo(() => {
    const out = { like: 0, question: 0 };
    for (const r of reactions) if (r.slotId === slotId) out[r.kind]++;
    return out;
  }, [reactions, slotId]);
  const react = (kind: ReactionKind) => {
    const now = performance.now();
    if (now - last < COOL_MS) return;
    setLast(now);
    sendReaction(slotId, kind);
  };
  const why = near ? undefined : t('booth.reactNear');
  return (
    <span className="booth-reactions" role="group" aria-label={t('booth.reactions')}>
      <button type="button" disabled={!near} title={why} onClick={() => react('like')} data-testid="booth-react-like">
        <span aria-hidden="true">♥</span> {t('booth.like')}
        {tally.like > 0 && (
          <span className="badge" data-testid="booth-react-like-count">
            {tally.like}
          </span>
        )}
      </button>
      <button type="button" disabled={!near} title={why} onClick={() => react('question')} data-testid="booth-react-question">
        <span aria-hidden="true">?</span> {t('booth.question')}
        {tally.question > 0 && (
          <span className="badge" data-testid="booth-react-question-count">
            {tally.question}
          </span>
        )}
      </button>
    </span>
  );
}
