/**
 * "正在演示": what the booth's staff put in front of everyone at the booth, the same for every
 * visitor in every instance — a product (its model turns on the booth's plinth), a picture, or a
 * brochure page — until they stop. For the booth's own staff on duty, the controls to do it.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoothView } from '../../../../shared/api/schemas';
import type { PresentItem } from '../../../../shared/messages';
import { pick } from '../../i18n';
import { sendPresent } from '../../net/send';
import { useStore } from '../../store';

// pdf.js comes with the first brochure page someone presents, never with the hall
const BrochurePageLazy = lazy(() => import('./BrochurePage'));
function BrochurePage({ url, page }: { url: string; page: number }) {
  return (
    <Suspense fallback={null}>
      <BrochurePageLazy url={url} page={page} />
    </Suspense>
  );
}

export function PresentingView({ booth }: { booth: BoothView }) {
  const { t, i18n } = useTranslation();
  const shown = useStore((s) => (booth.slotId ? s.presenting[booth.slotId] : undefined));
  if (!shown) return null;
  const { item, by } = shown;
  let body: React.ReactNode = null;
  if (item.kind === 'product') {
    const p = booth.products.find((x) => x.id === item.id);
    if (!p) return null;
    body = (
      <div className="presenting-product">
        {p.image && <img src={p.image.url} alt="" width={120} height={120} />}
        <div>
          <b>{pick(p.name, i18n.language)}</b>
          {p.model && <p className="muted">{t('booth.presentingModel')}</p>}
          <p>{pick(p.description, i18n.language)}</p>
        </div>
      </div>
    );
  } else if (item.kind === 'image') {
    const img = booth.images.find((x) => x.id === item.id);
    if (!img) return null;
    body = <img className="presenting-image" src={img.url} alt="" width={img.width} height={img.height} />;
  } else if (booth.brochure) {
    body = <BrochurePage url={booth.brochure.url} page={item.page} />;
  }
  return (
    <section className="presenting" aria-live="polite" data-testid="booth-presenting" data-kind={item.kind}>
      <h3>
        <span className="dot" aria-hidden="true" /> {t('booth.presenting', { name: by })}
        {item.kind === 'brochure' && <small> · {t('booth.page', { n: item.page })}</small>}
      </h3>
      {body}
    </section>
  );
}

/** The booth's staff on duty, in the hall: pick what to show, change the brochure page, stop. */
export function PresentControls({ booth }: { booth: BoothView }) {
  const { t, i18n } = useTranslation();
  const selfId = useStore((s) => s.sessionId);
  const mine = useStore((s) => (selfId ? s.visitors[selfId]?.staff === booth.id : false));
  const shown = useStore((s) => (booth.slotId ? s.presenting[booth.slotId] : undefined));
  const [page, setPage] = useState(1);
  if (!mine || !booth.slotId) return null;
  const slotId = booth.slotId;
  const show = (item: PresentItem | null) => sendPresent(slotId, item);
  return (
    <section className="present-controls" data-testid="present-controls">
      <h3>{t('booth.presentTitle')}</h3>
      <div className="present-buttons">
        {booth.products.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={shown?.item.kind === 'product' && shown.item.id === p.id}
            onClick={() => show({ kind: 'product', id: p.id })}
            data-testid="present-product"
          >
            {pick(p.name, i18n.language)}
          </button>
        ))}
        {booth.images.map((img, i) => (
          <button
            key={img.id}
            type="button"
            aria-pressed={shown?.item.kind === 'image' && shown.item.id === img.id}
            onClick={() => show({ kind: 'image', id: img.id })}
          >
            {t('booth.picture', { n: i + 1 })}
          </button>
        ))}
        {booth.brochure && (
          <span className="present-pages">
            <button
              type="button"
              disabled={page <= 1}
              aria-label={t('booth.prevPage')}
              onClick={() => (setPage(page - 1), show({ kind: 'brochure', page: page - 1 }))}
            >
              ‹
            </button>
            <button
              type="button"
              aria-pressed={shown?.item.kind === 'brochure'}
              onClick={() => show({ kind: 'brochure', page })}
              data-testid="present-brochure"
            >
              {t('booth.brochure')} · {t('booth.page', { n: page })}
            </button>
            <button type="button" aria-label={t('booth.nextPage')} onClick={() => (setPage(page + 1), show({ kind: 'brochure', page: page + 1 }))}>
              ›
            </button>
          </span>
        )}
        {shown && (
          <button type="button" className="danger" onClick={() => show(null)} data-testid="present-stop">
            {t('booth.presentStop')}
          </button>
        )}
      </div>
    </section>
  );
}
