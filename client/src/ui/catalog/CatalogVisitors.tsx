/** Who is in this instance of the hall, 2D catalog visitors marked (they sit at the entrance in 3D). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_COLORS } from '../../../../shared/constants';
import { useStore } from '../../store';
import { NS } from './locales';

export function CatalogVisitors() {
  const { t } = useTranslation(NS);
  const visitors = useStore((s) => s.visitors);
  const selfId = useStore((s) => s.sessionId);
  const list = useMemo(
    () => Object.values(visitors).sort((a, b) => (a.id === selfId ? -1 : b.id === selfId ? 1 : a.name.localeCompare(b.name))),
    [visitors, selfId],
  );
  return (
    <section className="catalog-visitors" aria-labelledby="catalog-visitors-title">
      <h3 id="catalog-visitors-title">
        {t('visitors.title')} ({list.length})
      </h3>
      <ul data-testid="catalog-visitors">
        {list.map((v) => (
          <li key={v.id} data-seated={v.seated ? 'true' : 'false'}>
            <span className="swatch-dot" style={{ background: AVATAR_COLORS[v.color] ?? '#888' }} aria-hidden="true" />
            {v.name}
            {v.id === selfId && t('visitors.you')}
            {v.seated && t('visitors.seated')}
          </li>
        ))}
      </ul>
    </section>
  );
}
