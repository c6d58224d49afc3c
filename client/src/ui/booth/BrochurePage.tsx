/**
 * One page of a booth's brochure drawn in the page, for a presentation everyone at the booth
 * follows: pdf.js (loaded with this chunk only, its worker from our own origin) renders
 * the page into a canvas. Brochures are served as downloads; a fetch reads them all the same.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** One open document per URL while this chunk lives: turning pages does not fetch it again. */
const docs = new Map<string, Promise<PDFDocumentProxy>>();
function open(url: string): Promise<PDFDocumentProxy> {
  let d = docs.get(url);
  if (!d) {
    d = getDocument({ url, enableXfa: false }).promise;
    d.catch(() => docs.delete(url));
    docs.set(url, d);
  }
  return d;
}

export default function BrochurePage({ url, page }: { url: string; page: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; pages: number }>({ status: 'loading', pages: 0 });
  useEffect(() => {
    let live = true;
    let task: { cancel(): void } | null = null;
    void (async () => {
      try {
        const doc = await open(url);
        const n = Math.min(page, doc.numPages);
        const p = await doc.getPage(n);
        const el = canvas.current;
        if (!live || !el) return;
        const width = el.parentElement?.clientWidth || 320;
        const base = p.getViewport({ scale: 1 });
        const viewport = p.getViewport({ scale: (width / base.width) * Math.min(2, window.devicePixelRatio || 1) });
        el.width = Math.round(viewport.width);
        el.height = Math.round(viewport.height);
        const r = p.render({ canvas: el, viewport });
        task = r;
        await r.promise;
        if (live) setState({ status: 'ready', pages: doc.numPages });
      } catch (err) {
        if (live && (err as { name?: string })?.name !== 'RenderingCancelledException') setState({ status: 'error', pages: 0 });
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [url, page]);
  return (
    <div className="presenting-brochure" data-testid="presenting-brochure" data-state={state.status}>
      <canvas ref={canvas} aria-label={t('booth.page', { n: page })} />
      {state.status === 'loading' && <p className="muted">{t('booth.brochureLoading')}</p>}
      {state.status === 'error' && <p className="muted">{t('booth.brochureFailed')}</p>}
    </div>
  );
}
