/**
 * Edits one booth: texts (zh/en), look (template, colours), links, media and products. Each save
 * goes to the server, which checks it with the same shared schema used here for early feedback,
 * and visitors in the hall see the result live.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOTH_TEMPLATES, INDUSTRIES, PARKS, TEXT_LIMITS } from '../../../../shared/api/common';
import { boothUpdateSchema, type BoothUpdate, type BoothView } from '../../../../shared/api/schemas';
import { api } from '../../net/api';
import { errorText } from './session';
import { UploadField } from './UploadField';
import { ProductsEditor } from './ProductsEditor';

type Form = {
  nameZh: string;
  nameEn: string;
  titleZh: string;
  titleEn: string;
  descZh: string;
  descEn: string;
  industry: string;
  park: string;
  website: string;
  email: string;
  phone: string;
  template: string;
  primary: string;
  accent: string;
};

function toForm(b: BoothView): Form {
  return {
    nameZh: b.exhibitor.name.zh,
    nameEn: b.exhibitor.name.en,
    titleZh: b.title.zh,
    titleEn: b.title.en,
    descZh: b.exhibitor.description.zh,
    descEn: b.exhibitor.description.en,
    industry: b.exhibitor.industry,
    park: b.exhibitor.park,
    website: b.exhibitor.website ?? '',
    email: b.exhibitor.contact.email ?? '',
    phone: b.exhibitor.contact.phone ?? '',
    template: b.template,
    primary: b.colors.primary,
    accent: b.colors.accent,
  };
}

function toUpdate(f: Form): unknown {
  return {
    name: { zh: f.nameZh, en: f.nameEn },
    title: { zh: f.titleZh, en: f.titleEn },
    description: { zh: f.descZh, en: f.descEn },
    industry: f.industry,
    park: f.park,
    website: f.website.trim(),
    contact: { email: f.email.trim(), phone: f.phone.trim() },
    template: f.template,
    colors: { primary: f.primary, accent: f.accent },
  };
}

/** Field path (as the schema reports it) -> form field. */
const FIELD_OF: Record<string, keyof Form> = {
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  'title.zh': 'titleZh',
  'title.en': 'titleEn',
  'description.zh': 'descZh',
  'description.en': 'descEn',
  website: 'website',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'colors.primary': 'primary',
  'colors.accent': 'accent',
};

function Field({ label, problem, children }: { label: string; problem?: string; children: ReactNode }) {
  return (
    <label className="console-field">
      <span>{label}</span>
      {children}
      {problem && <span className="form-problem">{problem}</span>}
    </label>
  );
}

export function BoothEditor({ boothId, isStaff }: { boothId: string; isStaff: boolean }) {
  const { t } = useTranslation();
  const [booth, setBooth] = useState<BoothView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof Form, string>>>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api('booth', { params: { boothId } })
      .then((b) => {
        setBooth(b);
        setForm(toForm(b));
      })
      .catch((err) => setLoadError(errorText(err)));
  }, [boothId]);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [k]: e.target.value } : f));
  /** A new booth from the server (after an upload, say) keeps the form's unsaved edits. */
  const fresh = (b: BoothView) => setBooth(b);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const parsed = boothUpdateSchema.safeParse(toUpdate(form));
    if (!parsed.success) {
      const p: Partial<Record<keyof Form, string>> = {};
      for (const i of parsed.error.issues) {
        const field = FIELD_OF[i.path.join('.')];
        if (field) p[field] = i.message;
      }
      setProblems(p);
      setStatus({ kind: 'error', message: parsed.error.issues[0]?.message });
      return;
    }
    setProblems({});
    setStatus({ kind: 'saving' });
    try {
      const b = await api('updateBooth', { params: { boothId }, body: parsed.data as BoothUpdate });
      setBooth(b);
      setForm(toForm(b));
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: errorText(err) });
    }
  }

  if (loadError) return <p className="form-problem">{t('console.error', { message: loadError })}</p>;
  if (!booth || !form) return <p>{t('console.loading')}</p>;

  return (
    <div className="booth-editor" data-testid="booth-editor" data-booth={booth.id}>
      <div className="console-row">
        <a className="button" href={`/hall/${booth.hallId}`} target="_blank" rel="noopener">
          {t('console.viewInHall')}
        </a>
        {isStaff && <DutyToggle boothId={boothId} onBooth={fresh} />}
      </div>

      <form className="console-card" onSubmit={(e) => void save(e)} data-testid="booth-form">
        <h2>{t('console.basics')}</h2>
        <div className="console-grid">
          <Field label={t('console.companyZh')} problem={problems.nameZh}>
            <input value={form.nameZh} onChange={set('nameZh')} maxLength={TEXT_LIMITS.name} required />
          </Field>
          <Field label={t('console.companyEn')} problem={problems.nameEn}>
            <input value={form.nameEn} onChange={set('nameEn')} maxLength={TEXT_LIMITS.name} />
          </Field>
          <Field label={t('console.titleZh')} problem={problems.titleZh}>
            <input value={form.titleZh} onChange={set('titleZh')} maxLength={TEXT_LIMITS.title} data-testid="title-zh" />
          </Field>
          <Field label={t('console.titleEn')} problem={problems.titleEn}>
            <input value={form.titleEn} onChange={set('titleEn')} maxLength={TEXT_LIMITS.title} data-testid="title-en" />
          </Field>
          <Field label={t('console.descZh')} problem={problems.descZh}>
            <textarea rows={4} value={form.descZh} onChange={set('descZh')} maxLength={TEXT_LIMITS.description} />
          </Field>
          <Field label={t('console.descEn')} problem={problems.descEn}>
            <textarea rows={4} value={form.descEn} onChange={set('descEn')} maxLength={TEXT_LIMITS.description} />
          </Field>
          <Field label={t('console.industry')}>
            <select value={form.industry} onChange={set('industry')}>
              {INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {t(`industries.${i}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('console.park')}>
            <select value={form.park} onChange={set('park')}>
              {PARKS.map((p) => (
                <option key={p} value={p}>
                  {t(`parks.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('console.website')} problem={problems.website}>
            <input type="url" value={form.website} onChange={set('website')} maxLength={TEXT_LIMITS.website} placeholder="https://" data-testid="website" />
          </Field>
          <Field label={t('console.contactEmail')} problem={problems.email}>
            <input type="email" value={form.email} onChange={set('email')} maxLength={254} />
          </Field>
          <Field label={t('console.contactPhone')} problem={problems.phone}>
            <input type="tel" value={form.phone} onChange={set('phone')} maxLength={TEXT_LIMITS.phone} />
          </Field>
        </div>

        <h2>{t('console.look')}</h2>
        <fieldset className="console-templates">
          <legend>{t('console.template')}</legend>
          {BOOTH_TEMPLATES.map((tpl) => (
            <label key={tpl} className={form.template === tpl ? 'chip selected' : 'chip'}>
              <input type="radio" name="template" value={tpl} checked={form.template === tpl} onChange={set('template')} />
              {t(`console.templates.${tpl}`)}
            </label>
          ))}
        </fieldset>
        <div className="console-row">
          <Field label={t('console.primary')} problem={problems.primary}>
            <input type="color" value={form.primary} onChange={set('primary')} />
          </Field>
          <Field label={t('console.accent')} problem={problems.accent}>
            <input type="color" value={form.accent} onChange={set('accent')} />
          </Field>
        </div>

        <div className="console-row save-row">
          <button type="submit" className="primary" disabled={status.kind === 'saving'} data-testid="booth-save">
            {status.kind === 'saving' ? t('console.saving') : t('console.save')}
          </button>
          <span role="status" className={status.kind === 'error' ? 'form-problem' : 'fineprint'} data-testid="booth-save-status">
            {status.kind === 'saved' ? t('console.saved') : status.kind === 'error' ? status.message : ''}
          </span>
        </div>
      </form>

      <section className="console-card">
        <h2>{t('console.logo')}</h2>
        <div className="console-media">
          {booth.exhibitor.logo ? (
            <img src={booth.exhibitor.logo.url} alt="" width={96} height={96} className="console-logo" data-testid="console-logo" />
          ) : (
            <span className="fineprint">{t('console.none')}</span>
          )}
          <UploadField route="uploadLogo" params={{ boothId }} label={t('console.upload')} hint={t('console.imageHint')} onDone={fresh} testId="logo-upload" />
          {booth.exhibitor.logo && (
            <button type="button" onClick={() => void api('deleteLogo', { params: { boothId } }).then(fresh)}>
              {t('console.remove')}
            </button>
          )}
        </div>
      </section>

      <section className="console-card">
        <h2>{t('console.gallery')}</h2>
        <ul className="console-thumbs">
          {booth.images.map((img) => (
            <li key={img.id}>
              <img src={img.url} alt="" height={80} />
              <button type="button" onClick={() => void api('deleteImage', { params: { boothId, itemId: img.id } }).then(fresh)}>
                {t('console.remove')}
              </button>
            </li>
          ))}
        </ul>
        <UploadField route="addImage" params={{ boothId }} label={t('console.upload')} hint={t('console.imageHint')} onDone={fresh} testId="image-upload" />
      </section>

      <section className="console-card">
        <h2>{t('console.video')}</h2>
        <div className="console-media">
          {booth.video ? <video src={booth.video.url} controls width={240} preload="metadata" /> : <span className="fineprint">{t('console.none')}</span>}
          <UploadField
            route="uploadVideo"
            params={{ boothId }}
            label={t('console.upload')}
            hint={t('console.videoHint')}
            onDone={fresh}
            testId="video-upload"
          />
          {booth.video && (
            <button type="button" onClick={() => void api('deleteVideo', { params: { boothId } }).then(fresh)}>
              {t('console.remove')}
            </button>
          )}
        </div>
      </section>

      <section className="console-card">
        <h2>{t('console.brochure')}</h2>
        <div className="console-media">
          {booth.brochure ? (
            <a href={booth.brochure.url} download={booth.brochure.name}>
              {booth.brochure.name}
            </a>
          ) : (
            <span className="fineprint">{t('console.none')}</span>
          )}
          <UploadField
            route="uploadBrochure"
            params={{ boothId }}
            label={t('console.upload')}
            hint={t('console.brochureHint')}
            onDone={fresh}
            testId="brochure-upload"
          />
          {booth.brochure && (
            <button type="button" onClick={() => void api('deleteBrochure', { params: { boothId } }).then(fresh)}>
              {t('console.remove')}
            </button>
          )}
        </div>
      </section>

      <ProductsEditor booth={booth} onBooth={fresh} />
    </div>
  );
}

/** While on, tells the server every two minutes that staff are at the booth (duty expires after five). */
function DutyToggle({ boothId, onBooth }: { boothId: string; onBooth: (b: BoothView) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!on) return;
    const tick = () =>
      void api('setDuty', { params: { boothId }, body: { onDuty: true } })
        .then(onBooth)
        .catch(() => {});
    tick();
    const id = window.setInterval(tick, 120_000);
    return () => window.clearInterval(id);
    // onBooth is a fresh function on every parent render: the renewal timer restarts only when the
    // toggle or the booth changes, not on every keystroke elsewhere in the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, boothId]);
  return (
    <label className="duty-toggle">
      <input
        type="checkbox"
        checked={on}
        data-testid="duty-toggle"
        onChange={(e) => {
          setOn(e.target.checked);
          if (!e.target.checked)
            void api('setDuty', { params: { boothId }, body: { onDuty: false } })
              .then(onBooth)
              .catch(() => {});
        }}
      />
      {t('console.onDuty')}
    </label>
  );
}
