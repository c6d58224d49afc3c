/**
 * WASD / arrow keys -> input.forward / input.right (relative to the camera), Q / E turn the
 * camera. Keys typed into the chat or any other field are not movement; a window that loses
 * focus forgets held keys, or the player would walk on forever after an alt-tab.
 */
import { useEffect } from 'react';
import { input } from '../store/transient';

const FORWARD = new Set(['KeyW', 'ArrowUp']);
const BACK = new Set(['KeyS', 'ArrowDown']);
const LEFT = new Set(['KeyA', 'ArrowLeft']);
const RIGHT = new Set(['KeyD', 'ArrowRight']);
const TURN_LEFT = 'KeyQ';
const TURN_RIGHT = 'KeyE';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

const held = new Set<string>();
/** -1 / 0 / +1 while Q / E is held; the camera rig turns at its own rate */
export const keyTurn = { dir: 0 };

function apply(): void {
  const on = (keys: Set<string>) => {
    for (const k of keys) if (held.has(k)) return 1;
    return 0;
  };
  input.forward = on(FORWARD) - on(BACK);
  input.right = on(RIGHT) - on(LEFT);
  keyTurn.dir = (held.has(TURN_RIGHT) ? 1 : 0) - (held.has(TURN_LEFT) ? 1 : 0);
}

export function useKeyboardMovement(): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (!FORWARD.has(e.code) && !BACK.has(e.code) && !LEFT.has(e.code) && !RIGHT.has(e.code) && e.code !== TURN_LEFT && e.code !== TURN_RIGHT) return;
      // arrows would otherwise scroll any scrollable overlay
      e.preventDefault();
      held.add(e.code);
      apply();
    };
    const up = (e: KeyboardEvent) => {
      if (!held.delete(e.code)) return;
      apply();
    };
    const clear = () => {
      held.clear();
      apply();
    };
    // Starting to type in a field while walking must stop the walk.
    const focus = (e: FocusEvent) => {
      if (isTyping(e.target)) clear();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', clear);
    window.addEventListener('focusin', focus);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', clear);
      window.removeEventListener('focusin', focus);
      clear();
    };
  }, []);
}
