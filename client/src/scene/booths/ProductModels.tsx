/**
 * A product's 3D model on its booth's plinth, slowly turning — only for the booths nearest the
 * visitor (level of detail by distance). The model itself is drawn by ProductModel.tsx.
 */
import { Component, lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { BuiltBooth } from './Booths';
import { useNearest } from './nearest';
import { useStore } from '../../store';

// GLTFLoader and what it pulls from three: fetched when the first model is near, not before the hall's first frame.
const Model = lazy(() => import('./ProductModel'));

const NEAR_M = 18;
const MAX_MODELS = 2;

class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function ProductModels({ booths }: { booths: BuiltBooth[] }) {
  const withModel = useMemo(() => booths.filter((b) => b.booth.products.some((p) => p.model)), [booths]);
  const near = useNearest(withModel, (b) => b.booth.id, NEAR_M, MAX_MODELS);
  const presenting = useStore((s) => s.presenting);
  return (
    <>
      {near.map((id) => {
        const b = withModel.find((x) => x.booth.id === id);
        // a product the staff present turns here for everyone at the booth; else the first with a model
        const shown = b?.booth.slotId ? presenting[b.booth.slotId]?.item : undefined;
        const presented = shown?.kind === 'product' ? b?.booth.products.find((p) => p.id === shown.id && p.model) : undefined;
        const url = (presented ?? b?.booth.products.find((p) => p.model))?.model?.url;
        if (!b || !url) return null;
        const position = b.shape.plinth.clone().applyMatrix4(b.matrix);
        return (
          <Quiet key={`${id}:${url}`}>
            <Suspense fallback={null}>
              <Model url={url} position={position} />
            </Suspense>
          </Quiet>
        );
      })}
    </>
  );
}
