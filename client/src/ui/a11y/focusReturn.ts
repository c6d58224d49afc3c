/**
 * Focus is never lost in the hall (issue #13). Every panel sits in an overlay slot ([data-slot]);
 * when focus enters a slot from outside, the element it came from is remembered for that slot.
 * When the focused element then disappears (its panel closed by Escape or its close button,
 * folded to the dock, replaced) and the browser drops focus on <body>, focus goes back to where it
 * came from (a dock button that raised its panel: into that panel) — or, when that is gone too, to
 * the fallback (the overlay itself: the next Tab goes on from there, nothing pops up). It only acts
 * when focus fell to nothing.
 */

/** Returns the uninstall function. `fallback` gives the element to use when the origin is gone. */
export function installFocusReturn(root: HTMLElement, fallback: () => HTMLElement | null): () => void {
  const origins = new Map<string, HTMLElement>();
  let last: { el: HTMLElement; slot: string | null } | null = null;
  let pending = 0;

  const usable = (el: HTMLElement | null | undefined): el is HTMLElement =>
    !!el && el.isConnected && !el.closest('[hidden]') && el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled;

  const onFocusIn = (e: FocusEvent) => {
    const el = e.target instanceof HTMLElement ? e.target : null;
    if (!el) return;
    const slot = el.closest<HTMLElement>('[data-slot]')?.dataset.slot ?? null;
    const from = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
    if (slot && from && from.closest<HTMLElement>('[data-slot]')?.dataset.slot !== slot) origins.set(slot, from);
    last = { el, slot };
  };

  /** A dock button goes when its panel is raised: focus follows into that panel. */
  const raisedFrom = (el: HTMLElement): HTMLElement | null => {
    const id = el.dataset.testid?.startsWith('dock-') ? el.dataset.testid.slice(5) : null;
    const panel = id ? root.querySelector<HTMLElement>(`[data-slot="${CSS.escape(id)}"]:not([hidden]) > *`) : null;
    if (panel && !panel.hasAttribute('tabindex')) panel.tabIndex = -1;
    return panel;
  };

  const check = () => {
    pending = 0;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    if (!last || usable(last.el)) return;
    const origin = last.slot ? origins.get(last.slot) : undefined;
    const raised = raisedFrom(last.el);
    const to = usable(raised) ? raised : usable(origin) ? origin : fallback();
    if (last.slot) origins.delete(last.slot);
    last = null;
    if (usable(to)) to.focus({ preventScroll: true });
  };
  const later = () => {
    if (!pending) pending = window.setTimeout(check, 0);
  };

  // removal does not always fire focusout (Chromium drops focus silently): watch the overlay too
  const observer = new MutationObserver(later);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', later);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', later);
    if (pending) window.clearTimeout(pending);
  };
}
