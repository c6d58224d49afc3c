/** Name and avatar look, checked with the same rules the server applies. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_COLORS, AVATAR_STYLES, NAME_MAX } from '../../../shared/constants';
import { checkName } from '../../../shared/text';
import type { Profile } from '../store/sessionSlice';
import { prefetchHall } from './loading/loadHall';

export function ProfileForm({ initial, onDone, children }: { initial: Profile | null; onDone: (p: Profile) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [color, setColor] = useState(() => initial?.color ?? Math.floor(Math.random() * AVATAR_COLORS.length));
  const [style, setStyle] = useState(initial?.style ?? 0);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = checkName(name);
    if (!r.ok) {
      setProblem(t(`errors.name.${r.problem}`));
      return;
    }
    onDone({ name: r.name, color, style });
  }

  return (
    // The first key or tap starts fetching the hall, so it is (nearly) there when the name is.
    <form className="profile-form" onSubmit={submit} onInput={prefetchHall} onPointerDown={prefetchHall} noValidate>
      <label htmlFor="visitor-name">{t('landing.nameLabel')}</label>
      <input
        id="visitor-name"
        data-testid="name-input"
        value={name}
        autoFocus
        autoComplete="nickname"
        maxLength={NAME_MAX * 2}
        placeholder={t('landing.namePlaceholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby="name-problem"
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
      />
      <p id="name-problem" className="form-problem" role="alert" data-testid="name-problem">
        {problem}
      </p>

      <fieldset>
        <legend>{t('landing.colorLabel')}</legend>
        <div className="swatches">
          {AVATAR_COLORS.map((c, i) => (
            <button
              key={c}
              type="button"
              className={i === color ? 'swatch selected' : 'swatch'}
              style={{ background: c }}
              aria-label={`${t('landing.colorLabel')} ${i + 1}`}
              aria-pressed={i === color}
              onClick={() => setColor(i)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('landing.styleLabel')}</legend>
        <div className="chips">
          {AVATAR_STYLES.map((s, i) => (
            <button key={s} type="button" className={i === style ? 'chip selected' : 'chip'} aria-pressed={i === style} onClick={() => setStyle(i)}>
              {t(`styles.${s}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {children}
      <button type="submit" className="primary" data-testid="enter-hall">
        {t('landing.enter')}
      </button>
      <p className="fineprint">
        {t('landing.privacy')} <a href="/privacy">{t('landing.privacyCentre')}</a>
      </p>
    </form>
  );
}
