import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_HALL, HALL_IDS, type HallId } from '../../../shared/halls';
import { hallPath, navigate } from '../router';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { ProfileForm } from './ProfileForm';
import { HallSummaryList } from './landing/HallSummaryList';
import { EntryField } from './landing/EntryField';
import { useHallSummaries } from './landing/useHallSummaries';
import { checkEntry, type EntryProblem } from './landing/checkEntry';
import { entryCodeFor, takePassFromUrl } from './landing/entryCredentials';

export function Landing() {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const setProfile = useStore((s) => s.setProfile);
  // an organizer's invitation link (/?pass=...&hall=...) is kept and taken out of the address
  const [hall, setHall] = useState<HallId>(() => {
    const named = takePassFromUrl();
    return (HALL_IDS as readonly string[]).includes(named ?? '') ? (named as HallId) : DEFAULT_HALL;
  });
  // each hall's visitors now, the stage's next session and its entry rule (issue #11)
  const { data: summaries } = useHallSummaries();
  const rule = summaries?.halls.find((h) => h.hallId === hall)?.rule ?? 'open';
  const [code, setCode] = useState(() => entryCodeFor(hall) ?? '');
  const [problem, setProblem] = useState<EntryProblem | null>(null);
  const [checking, setChecking] = useState(false);

  return (
    <main className="landing">
      <header className="landing-head">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <p className="landing-agenda">
        <a href="/agenda" data-testid="landing-agenda">
          {t('agenda.landingLink')}
        </a>
      </p>
      <ProfileForm
        initial={profile}
        onDone={(p) => {
          setProfile(p);
          // an open hall (or summaries not read yet) goes straight in: the join enforces every rule anyway
          if (rule === 'open') return navigate(hallPath(hall));
          setChecking(true);
          void checkEntry(hall, rule, code).then((r) => {
            setChecking(false);
            if (r.ok) navigate(hallPath(hall));
            else setProblem(r.problem);
          });
        }}
      >
        <fieldset>
          <legend>{t('landing.hallLabel')}</legend>
          <div className="chips">
            {HALL_IDS.map((id) => (
              <button
                key={id}
                type="button"
                data-testid={`pick-${id}`}
                className={id === hall ? 'chip selected' : 'chip'}
                aria-pressed={id === hall}
                onClick={() => {
                  setHall(id);
                  setProblem(null);
                  setCode(entryCodeFor(id) ?? '');
                }}
              >
                {t(`halls.${id}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <HallSummaryList data={summaries} selected={hall} />
        <EntryField
          hallId={hall}
          rule={rule}
          code={code}
          onCode={(v) => {
            setCode(v);
            setProblem(null);
          }}
          problem={problem}
          checking={checking}
        />
      </ProfileForm>
    </main>
  );
}
