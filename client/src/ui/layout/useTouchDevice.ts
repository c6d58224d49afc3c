/**
 * Whether this is a touch screen: a coarse pointer, or from the first touch on a device that
 * claimed a fine one (laptops with touch screens). The overlay reserves the joystick's corner then.
 */
import { useEffect, useState } from 'react';

export function useTouchDevice(): boolean {
  const [touch, setTouch] = useState(() => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
  useEffect(() => {
    if (touch) return;
    const onTouch = () => setTouch(true);
    window.addEventListener('touchstart', onTouch, { once: true, passive: true });
    return () => window.removeEventListener('touchstart', onTouch);
  }, [touch]);
  return touch;
}
