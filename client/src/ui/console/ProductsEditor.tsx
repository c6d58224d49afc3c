import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCTS, TEXT_LIMITS } from '../../../../shared/api/common';
import { productInputSchema, type BoothView, type ProductView } from '../../../../shared/api/schemas';
import { api } from '../../net/api';
import { errorText } from './session';
import { UploadField } from './UploadField';

interface Draft {
  nameZh: string;
  nameEn: string;
  descZh: string;
  descEn: string;
}

const empty: Draft = { nameZh: '', nameEn: '', descZh: '', descEn: '' };
const toInput = (d: Draft) => ({ name: { zh: d.nameZh, en: d.nameEn }, description: { zh: d.descZh, en: d.descEn } });

function DraftFields({ d, onChange }: { d: Draft; onChange: (d: Draft) => void }) {
  const { t } = useTranslation();
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => onChange({ ...d, [k]: e.target.value });
  return (
    <div className="console-grid">
      <label className="console-field">
        <span>{t('console.productNameZh')}</span>
        <input value={d.nameZh} onChange={set('nameZh')} maxLength={TEXT_LIMITS.productName} required />
      </label>
      <label className="console-field">
        <span>{t('console.productNameEn')}</span>
        <input value={d.nameEn} onChange={set('nameEn')} maxLength={TEXT_LIMITS.productName} />
      </label>
      <label className="console-field">
        <span>{t('console.productDescZh')}</span>
        <textarea rows={2} value={d.descZh} onChange={set('descZh')} maxLength={TEXT_LIMITS.productDescription} />
      </label>
      <label className="console-field">
        <span>{t('console.productDescEn')}</span>
        <textarea rows={2} value={d.descEn} onChange={set('descEn')} maxLength={TEXT_LIMITS.productDescription} />
      </label>
    </div>
  );
}

function ProductItem({ boothId, p, onBooth }: { boothId: string; p: ProductView; onBooth: (b: BoothView) => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>({ nameZh: p.name.zh, nameEn: p.name.en, descZh: p.description.zh, descEn: p.description.en });
  const [msg, setMsg] = useState<string | null>(null);
  const refresh = () => api('booth', { params: { boothId } }).then(onBooth);

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = productInputSchema.safeParse(toInput(d));
    if (!body.success) return setMsg(body.error.issues[0]?.message ?? 'invalid');
    try {
      await api('updateProduct', { params: { boothId, itemId: p.id }, body: body.data });
      await refresh();
      setMsg(t('console.saved'));
    } catch (err) {
      setMsg(errorText(err));
    }
  }

  return (
    <li className="console-product">
      <form onSubmit={(e) => void save(e)}>
        <DraftFields d={d} onChange={setD} />
        <div className="console-row">
          <button type="submit">{t('console.save')}</button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t('console.confirmDelete'))) void api('deleteProduct', { params: { boothId, itemId: p.id } }).then(onBooth);
            }}
          >
            {t('console.deleteProduct')}
          </button>
          <span className="fineprint">{msg}</span>
        </div>
      </form>
      <div className="console-media">
        {p.image && <img src={p.image.url} alt="" width={72} height={72} />}
        <UploadField
          route="uploadProductImage"
          params={{ boothId, itemId: p.id }}
          label={t('console.productImage')}
          hint={t('console.imageHint')}
          onDone={() => void refresh()}
        />
      </div>
      <div className="console-media">
        {p.model && (
          <span className="booth-badge">
            {t('console.productModel')} · {Math.round(p.model.bytes / 1024)} KB
          </span>
        )}
        <UploadField
          route="uploadProductModel"
          params={{ boothId, itemId: p.id }}
          label={t('console.productModel')}
          hint={t('console.modelHint')}
          onDone={() => void refresh()}
        />
        {p.model && (
          <button type="button" onClick={() => void api('deleteProductModel', { params: { boothId, itemId: p.id } }).then(() => refresh())}>
            {t('console.remove')}
          </button>
        )}
      </div>
    </li>
  );
}

export function ProductsEditor({ booth, onBooth }: { booth: BoothView; onBooth: (b: BoothView) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(empty);
  const [msg, setMsg] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    const body = productInputSchema.safeParse(toInput(draft));
    if (!body.success) return setMsg(body.error.issues[0]?.message ?? 'invalid');
    try {
      await api('addProduct', { params: { boothId: booth.id }, body: body.data });
      onBooth(await api('booth', { params: { boothId: booth.id } }));
      setDraft(empty);
      setMsg(null);
    } catch (err) {
      setMsg(errorText(err));
    }
  }

  return (
    <section className="console-card">
      <h2>{t('console.products')}</h2>
      <ul className="console-products">
        {booth.products.map((p) => (
          <ProductItem key={`${p.id}:${booth.updatedAt}`} boothId={booth.id} p={p} onBooth={onBooth} />
        ))}
      </ul>
      {booth.products.length < MAX_PRODUCTS && (
        <form onSubmit={(e) => void add(e)} className="console-product new">
          <h3>{t('console.addProduct')}</h3>
          <DraftFields d={draft} onChange={setDraft} />
          <div className="console-row">
            <button type="submit" className="primary">
              {t('console.addProduct')}
            </button>
            <span className="form-problem">{msg}</span>
          </div>
        </form>
      )}
    </section>
  );
}
