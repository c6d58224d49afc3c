/**
 * The hall's landmarks with their stories: the same bilingual cards a visitor walks up to in 3D
 * (the layout's hotspots, assets/halls), in full, each headed, its other-language title beside it.
 * The hall's ferry or portal is a link to the other hall's catalog.
 */
import { useTranslation } from 'react-i18next';
import { getLayout, isHallId, type HallId } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { catalogPath, navigate } from '../../router';
import { NS } from './locales';

export function CatalogLandmarks({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const layout = getLayout(hallId);
  const zh = lang.startsWith('zh');
  return (
    <section id="catalog-landmarks" className="catalog-section" aria-labelledby="catalog-landmarks-title" tabIndex={-1}>
      <h2 id="catalog-landmarks-title">{t('landmarks.title')}</h2>
      <ul className="catalog-landmarks" data-testid="catalog-landmarks">
        {layout.hotspots.map((h) => (
          <li key={h.id} data-hotspot={h.id}>
            <article aria-labelledby={`catalog-landmark-${h.id}`}>
              <h3 id={`catalog-landmark-${h.id}`}>
                {pick(h.title, lang)}{' '}
                <span className="catalog-sub" lang={zh ? 'en' : 'zh-CN'}>
                  {zh ? h.title.en : h.title.zh}
                </span>
              </h3>
              <p>{pick(h.body, lang)}</p>
            </article>
          </li>
        ))}
      </ul>
      {layout.portals
        .filter((p) => isHallId(p.to))
        .map((p) => (
          <p key={p.id}>
            <a
              href={catalogPath(p.to)}
              data-testid="catalog-travel"
              onClick={(e) => {
                e.preventDefault();
                navigate(catalogPath(p.to));
              }}
            >
              {pick(p.label, lang)} · {t('landmarks.travel', { hall: t(`halls.${p.to}`, { ns: 'translation' }) })}
            </a>
          </p>
        ))}
    </section>
  );
}
