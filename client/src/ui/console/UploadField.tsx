/** One file upload: checks the size before sending, shows progress, and reports the server's verdict. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_KINDS, type UploadKind } from '../../../../shared/api/uploads';
import { routes, type RouteName, type RouteResponse } from '../../../../shared/api/routes';
import { api, type CallOptions } from '../../net/api';
import { errorText } from './session';

/** Routes that take a file; the route says which kind (and so the size limit and accepted types). */
type UploadRoute = { [N in RouteName]: (typeof routes)[N] extends { upload: UploadKind } ? N : never }[RouteName];

interface Props<N extends UploadRoute> {
  route: N;
  params: CallOptions<N>['params'];
  label: string;
  hint: string;
  onDone: (result: RouteResponse<N>) => void;
  testId?: string;
}

export function UploadField<N extends UploadRoute>({ route, params, label, hint, onDone, testId }: Props<N>) {
  const { t } = useTranslation();
  const kind: UploadKind = routes[route].upload;
  const input = useRef<HTMLInputElement>(null);
  const [pct, setPct] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const spec = UPLOAD_KINDS[kind];

  async function upload(file: File) {
    setProblem(null);
    setDone(false);
    if (file.size > spec.maxBytes) {
      setProblem(t('console.tooLarge', { mb: spec.maxBytes / 1024 / 1024 }));
      return;
    }
    setPct(0);
    try {
      // Every upload route takes { params, file }: TypeScript cannot see that through a generic N.
      const call = api as (n: UploadRoute, o: { params: CallOptions<N>['params']; file: File; onProgress: (f: number) => void }) => Promise<RouteResponse<N>>;
      onDone(await call(route, { params, file, onProgress: (f) => setPct(Math.round(f * 100)) }));
      setDone(true);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setPct(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="upload-field">
      <label>
        <span className="upload-label">{label}</span>
        <input
          ref={input}
          type="file"
          accept={spec.accept}
          disabled={pct !== null}
          data-testid={testId}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
          }}
        />
      </label>
      <span className="fineprint">{pct !== null ? t('console.uploading', { pct }) : done ? t('console.uploaded') : hint}</span>
      {problem && (
        <span className="form-problem" role="alert" data-testid={testId ? `${testId}-problem` : undefined}>
          {problem}
        </span>
      )}
    </div>
  );
}
