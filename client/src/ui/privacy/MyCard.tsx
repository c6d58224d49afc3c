/** The privacy centre's card: loaded once, edited in place with the same editor the hall uses. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../shared/api/leads';
import { api } from '../../net/api';
import { CardEditor } from '../visitor/CardEditor';
import { problemText } from '../visitor/problem';

export function MyCard({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const [card, setCard] = useState<Card | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api('myCard').then(
      (r) => live && setCard(r.card),
      (err: unknown) => live && setProblem(t('privacy.loadFailed', { message: problemText(err, t) })),
    );
    return () => {
      live = false;
    };
  }, [t]);
  if (problem)
    return (
      <p className="form-problem" role="alert">
        {problem}
      </p>
    );
  if (card === undefined) return <p className="visitor-muted">{t('visitor.loading')}</p>;
  return <CardEditor card={card} fallbackName={displayName} intro={card ? undefined : t('card.none')} onSaved={setCard} />;
}
