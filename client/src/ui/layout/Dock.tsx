/** The buttons of folded panels: each raises its panel (the one it shares an area with folds in turn). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useArrangement, Slot } from './Overlay';
import { PANELS } from './panels';

export function Dock() {
  const { t } = useTranslation();
  const { folded, form } = useArrangement();
  const raise = useStore((s) => s.raisePanel);
  if (folded.length === 0 && form !== 'wide') return null;
  return (
    <Slot id="dock">
      <nav className="dock" aria-label={t('layout.dock')} data-testid="dock">
        {folded.map((id) => (
          <button type="button" key={id} className="pill" data-testid={`dock-${id}`} onClick={() => raise(id)}>
            {t(PANELS[id].label)}
          </button>
        ))}
        {form === 'wide' && <p className="hud-help">{t('hud.help')}</p>}
      </nav>
    </Slot>
  );
}
