/** One file upload: checks the size before sending, shows progress, and reports the server's verdict. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_KINDS, type UploadKind } from '../../../../shared/api/uploads';
import type { RouteName } from '../../../../shared/api/routes';
import { api } from '../../net/api';
import { errorText } from './session';

interface Props<T> {
  kind: UploadKind;
  route: RouteName;
  params: Record<string, string>;
  label: string;
  hint: string;
  onDone: (result: T) => void;
  testId?: string;
}

export function UploadField<T>({ kind, route, params, label, hint, onDone, testId }: Props<T>) {
  const { t } = useTranslation();
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
      const result = await api(route, { params, file, onProgress: (f) => setPct(Math.round(f * 100)) });
      onDone(result as T);
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
