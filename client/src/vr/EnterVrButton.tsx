/**
 * "进入 VR / Enter VR" in the toolbar: shown only where immersive-vr is supported and the XR chunk
 * has loaded (it registers `enter`), so it is never a dead button. Its words come with that chunk.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { useVr } from './vrState';

export function EnterVrButton() {
  const enter = useVr((s) => s.enter);
  const presenting = useVr((s) => s.presenting);
  const { t } = useTranslation('vr');
  if (!enter || presenting) return null;
  return (
    <button
      type="button"
      className="pill"
      data-testid="enter-vr"
      onClick={() => {
        enter().catch(() => {
          useVr.setState({ failed: true });
          useStore.getState().toast('vr:failed');
        });
      }}
    >
      {t('enter')}
    </button>
  );
}
