/**
 * /verify/<id> — the public page that says whether a souvenir certificate is genuine and unaltered
 * (issue #12 item 6): the server checks the signature against the expo's published key and the
 * bytes against the ledger entry made at issue. It shows the certificate, its QR code, a picture to
 * download, and a check for a downloaded certificate file. No transfer, sale or price anywhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { SOUVENIR_SETS, type VerifyResult } from '../../../../shared/api/souvenirs';
import { api, routeUrl } from '../../net/api';
import { LanguageSwitch } from '../LanguageSwitch';
import { certificateCanvas, downloadCanvas, downloadJson } from './certificateImage';
import { NS } from './locales';
import './verify.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; result: VerifyResult };

export default function VerifyPage({ souvenirId }: { souvenirId: string }) {
  const { t, i18n } = useTranslation(NS);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [fileResult, setFileResult] = useState<VerifyResult | 'bad' | null>(null);
  const qr = useRef<HTMLCanvasElement>(null);
  const url = `${window.location.origin}/verify/${souvenirId}`;

  const read = useCallback(() => {
    setLoad({ state: 'loading' });
    api('verifySouvenir', { params: { souvenirId } }).then(
      (result) => setLoad({ state: 'done', result }),
      (err: Error) => setLoad({ state: 'failed', message: err.message }),
    );
  }, [souvenirId]);
  useEffect(read, [read]);

  const result = load.state === 'done' ? load.result : null;
  useEffect(() => {
    if (qr.current && result?.certificate) void QRCode.toCanvas(qr.current, url, { width: 180, margin: 1, color: { dark: '#0d3b57', light: '#ffffff' } });
  }, [result, url]);

  const download = async () => {
    if (!result?.certificate) return;
    const c = result.certificate;
    const canvas = await certificateCanvas(c, url, {
      title: t('imageTitle'),
      serial: t('serialValue', { serial: c.serial }),
      date: c.date,
      free: t('free'),
      qr: t('qr'),
    });
    await downloadCanvas(canvas, `ludao-souvenir-${c.set}-${c.serial}.png`);
  };

  const checkFile = async (file: File | undefined) => {
    if (!file) return;
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setFileResult('bad');
      return;
    }
    setFileResult(await api('verifySouvenirDocument', { body: doc }).catch(() => 'bad' as const));
  };

  const c = result?.certificate ?? null;
  const set = c ? (SOUVENIR_SETS[c.set] ?? { zh: c.set, en: c.set }) : null;
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  return (
    <main className="verify-page" data-testid="verify-page">
      <header className="verify-head">
        <h1>{t('title')}</h1>
        <div className="verify-row">
          <LanguageSwitch />
          <a href="/">{t('home')}</a>
        </div>
      </header>
      <p className="verify-intro">{t('intro')}</p>
      {load.state === 'loading' && <p role="status">{t('loading')}</p>}
      {load.state === 'failed' && (
        <p role="alert">
          {t('loadFailed', { message: load.message })}{' '}
          <button type="button" onClick={read}>
            {t('retry')}
          </button>
        </p>
      )}
      {result && (
        <section className={`verify-card verify-${result.status}`} data-testid="verify-result" data-status={result.status} aria-live="polite">
          <p className="verify-status">
            <span aria-hidden="true">{result.status === 'genuine' ? '✓' : result.status === 'unknown' ? '?' : '!'}</span> {t(`status.${result.status}`)}
          </p>
          {c && set && (
            <div className="verify-body">
              <dl>
                <dt>{t('set')}</dt>
                <dd>{set[lang]}</dd>
                <dt>{t('holder')}</dt>
                <dd data-testid="verify-holder">{c.name}</dd>
                <dt>{t('serial')}</dt>
                <dd>{t('serialValue', { serial: c.serial })}</dd>
                <dt>{t('date')}</dt>
                <dd>{c.date}</dd>
                <dt>{t('expo')}</dt>
                <dd>{c.expo}</dd>
                <dt>{t('key')}</dt>
                <dd>
                  <code>{c.key}</code> (Ed25519)
                </dd>
                {result.ledger && (
                  <>
                    <dt>{t('ledger')}</dt>
                    <dd>
                      <code>{t('ledgerValue', { seq: result.ledger.seq, hash: result.ledger.entryHash.slice(0, 16) })}</code>
                    </dd>
                  </>
                )}
              </dl>
              <figure className="verify-qr">
                <canvas ref={qr} width={180} height={180} aria-label={t('qr')} role="img" />
                <figcaption>{t('qr')}</figcaption>
              </figure>
            </div>
          )}
          <p className="verify-free">{t('free')}</p>
          {c && result.status === 'genuine' && (
            <div className="verify-row">
              <button type="button" className="primary" onClick={() => void download()} data-testid="verify-download">
                {t('download')}
              </button>
              <button type="button" onClick={() => downloadJson({ certificate: c, signature: result.signature })} data-testid="verify-download-json">
                {t('downloadJson')}
              </button>
            </div>
          )}
        </section>
      )}
      <section className="verify-card">
        <h2>{t('checkFile')}</h2>
        <p>{t('checkFileHint')}</p>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => void checkFile(e.target.files?.[0])}
          aria-label={t('checkFile')}
          data-testid="verify-file"
        />
        {fileResult === 'bad' && <p role="alert">{t('checkFileBad')}</p>}
        {fileResult && fileResult !== 'bad' && (
          <p data-testid="verify-file-result" data-status={fileResult.status}>
            {t(`status.${fileResult.status}`)}
          </p>
        )}
        <p className="verify-links">
          <a href={routeUrl('souvenirKeys')}>{t('keysLink')}</a> · <a href={routeUrl('souvenirLedger')}>{t('ledgerLink')}</a>
        </p>
      </section>
    </main>
  );
}
