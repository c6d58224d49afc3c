/**
 * The hall's DOM overlay: one CSS grid over the 3D view (forms.ts), panels placed in its named
 * areas by <Slot> (arrange.ts decides which show), the dock of folded panels, and Escape, which
 * closes the highest shown panel that can close.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from '../../store';
import { arrange, type Arrangement } from './arrange';
import { formFor, type Viewport } from './forms';
import { PANELS, type PanelId } from './panels';
import { useTouchDevice } from './useTouchDevice';
import './layout.css';

const ArrangementContext = createContext<Arrangement>({ form: 'wide', shown: {}, folded: [] });

/** Close handlers of the panels that can close, for Escape. */
const closers = new Map<PanelId, () => void>();

function useViewport(): Viewport {
  const [v, setV] = useState<Viewport>(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const read = () =>
      setV((old) => (old.width === window.innerWidth && old.height === window.innerHeight ? old : { width: window.innerWidth, height: window.innerHeight }));
    // Turning a phone: some WebKit and WeChat builds fire orientationchange (or the visual viewport's
    // resize) before innerWidth/innerHeight are updated, and no window resize after; read again a frame later.
    let frame = 0;
    const later = () => {
      read();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(read)));
    };
    window.addEventListener('resize', read);
    window.addEventListener('orientationchange', later);
    window.visualViewport?.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', read);
      window.removeEventListener('orientationchange', later);
      window.visualViewport?.removeEventListener('resize', later);
    };
  }, []);
  return v;
}

export function useArrangement(): Arrangement {
  return useContext(ArrangementContext);
}

export function Overlay({ children }: { children: ReactNode }) {
  const size = useViewport();
  const touch = useTouchDevice();
  const viewport = useMemo(() => ({ ...size, touch }), [size, touch]);
  const open = useStore((s) => s.openPanels);
  const raised = useStore((s) => s.raisedPanel);
  const userFolded = useStore((s) => s.userFolded);
  const arrangement = useMemo(() => arrange(viewport, { open, raised, userFolded }), [viewport, open, raised, userFolded]);
  const form = formFor(viewport);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const rank = (id: PanelId) => (id === raised ? 500 : 0) + PANELS[id].priority;
      let top: PanelId | null = null;
      for (const id of Object.keys(arrangement.shown) as PanelId[]) if (closers.has(id) && (!top || rank(id) > rank(top))) top = id;
      if (top) closers.get(top)!();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [arrangement, raised]);

  return (
    <ArrangementContext.Provider value={arrangement}>
      <div
        className="overlay"
        data-testid="overlay"
        data-form={form.name}
        data-touch={touch || undefined}
        style={{ gridTemplateAreas: form.areas.map((a) => `"${a}"`).join(' '), gridTemplateColumns: form.columns, gridTemplateRows: form.rows }}
      >
        {children}
      </div>
    </ArrangementContext.Provider>
  );
}

/** Every panel shown in its own region's name, none folded: see FlowLayout. */
const FLOW: Arrangement = {
  form: 'wide',
  shown: Object.fromEntries(Object.entries(PANELS).map(([id, p]) => [id, p.region])) as Arrangement['shown'],
  folded: [],
};

/**
 * The 2D catalog (issue #13, ui/catalog) reuses the hall's panels in document flow, not over a 3D
 * view: every <Slot> inside is shown where it is mounted (its grid area means nothing outside the
 * overlay grid) and nothing folds to a dock.
 */
export function FlowLayout({ children }: { children: ReactNode }) {
  return <ArrangementContext.Provider value={FLOW}>{children}</ArrangementContext.Provider>;
}

/**
 * A panel's place in the overlay. Mounting it says the panel is open; the layout shows it in its
 * region's area or folds it to the dock (`open={false}` is the same as not mounting it).
 * `keepMounted` keeps a folded or closed panel in the DOM, hidden, for controls that must always
 * exist (the toolbar's actions: teardown presses "leave" whatever the layout).
 */
export function Slot({
  id,
  open = true,
  onClose,
  keepMounted,
  children,
}: {
  id: PanelId;
  open?: boolean;
  onClose?: () => void;
  keepMounted?: boolean;
  children: ReactNode;
}) {
  const setPanelOpen = useStore((s) => s.setPanelOpen);
  const area = useArrangement().shown[id];
  useEffect(() => {
    if (!open) return;
    setPanelOpen(id, true);
    return () => setPanelOpen(id, false);
  }, [id, open, setPanelOpen]);
  useEffect(() => {
    if (!onClose) return;
    closers.set(id, onClose);
    return () => {
      if (closers.get(id) === onClose) closers.delete(id);
    };
  }, [id, onClose]);
  if (!area && !keepMounted) return null;
  return (
    <div className="slot" data-slot={id} data-area={area} hidden={!area} style={area ? { gridArea: area } : undefined}>
      {children}
    </div>
  );
}
