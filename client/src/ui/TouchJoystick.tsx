/**
 * On-screen joystick for touch devices: writes input.forward / input.right (analogue, so a small
 * push walks slowly). Shown on touch screens (useTouchDevice), in the overlay's corner reserved for
 * it (forms.ts touchForm), so it never sits on the map or a panel.
 */
import { useEffect, useRef, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { input } from '../store/transient';
import { JOYSTICK_SIZE_PX } from './layout/forms';
import { Slot } from './layout/Overlay';
import { useTouchDevice } from './layout/useTouchDevice';

const SIZE = JOYSTICK_SIZE_PX;
const KNOB = 52;
const REACH = (SIZE - KNOB) / 2;
const DEAD_ZONE = 0.15;

const base: CSSProperties = {
  position: 'relative',
  width: SIZE,
  height: SIZE,
  borderRadius: '50%',
  background: 'rgba(255, 255, 255, 0.22)',
  border: '2px solid rgba(255, 255, 255, 0.6)',
  boxShadow: '0 2px 10px rgba(0, 0, 0, 0.25)',
  touchAction: 'none',
  userSelect: 'none',
  WebkitUserSelect: 'none',
};

const knobStyle: CSSProperties = {
  position: 'absolute',
  left: (SIZE - KNOB) / 2 - 2,
  top: (SIZE - KNOB) / 2 - 2,
  width: KNOB,
  height: KNOB,
  borderRadius: '50%',
  background: 'rgba(255, 255, 255, 0.85)',
  boxShadow: '0 1px 4px rgba(0, 0, 0, 0.35)',
  pointerEvents: 'none',
};

export function TouchJoystick() {
  const { t } = useTranslation();
  const touch = useTouchDevice();
  const knob = useRef<HTMLDivElement>(null);
  const active = useRef<number | null>(null);

  const release = () => {
    active.current = null;
    input.forward = 0;
    input.right = 0;
    if (knob.current) knob.current.style.transform = '';
  };

  // Leaving the hall mid-push must not leave the player walking.
  useEffect(() => release, []);

  const steer = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (active.current !== e.pointerId) return;
    const r = e.currentTarget.getBoundingClientRect();
    let dx = e.clientX - (r.left + r.width / 2);
    let dy = e.clientY - (r.top + r.height / 2);
    const len = Math.hypot(dx, dy);
    if (len > REACH) {
      dx = (dx / len) * REACH;
      dy = (dy / len) * REACH;
    }
    if (knob.current) knob.current.style.transform = `translate(${dx}px, ${dy}px)`;
    const mag = Math.min(len / REACH, 1);
    const k = mag < DEAD_ZONE ? 0 : (mag - DEAD_ZONE) / (1 - DEAD_ZONE) / (mag || 1);
    input.right = (dx / REACH) * k;
    input.forward = (-dy / REACH) * k;
  };

  if (!touch) return null;
  return (
    <Slot id="joystick">
      <div
        role="group"
        aria-label={t('controls.joystick')}
        data-testid="touch-joystick"
        style={base}
        onPointerDown={(e) => {
          if (active.current !== null) return;
          active.current = e.pointerId;
          e.currentTarget.setPointerCapture(e.pointerId);
          steer(e);
        }}
        onPointerMove={steer}
        onPointerUp={(e) => active.current === e.pointerId && release()}
        onPointerCancel={(e) => active.current === e.pointerId && release()}
        onLostPointerCapture={(e) => active.current === e.pointerId && release()}
      >
        <div ref={knob} style={knobStyle} />
      </div>
    </Slot>
  );
}
