/**
 * The hall's live auction panel (issue #12 item 7): each lot with its kind, the price and leader
 * every instance shows alike, a countdown on the server's clock, and a bid form for signed-in
 * visitor accounts (a guest signs in right here; bids go over HTTP as the account, so no rejoin).
 * An outbid visitor is told at once. The panel says plainly that no payment happens in the product.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextPrice } from '../../../../shared/auctionRules';
import type { BidRefusalCode, LotView } from '../../../../shared/api/auction';
import { pick } from '../../i18n/pick';
import { api } from '../../net/api';
import { serverClock } from '../../net/clock';
import { useNow } from '../meetings/useNow';
import { useSession, errorText } from '../console/session';
import { AccountPanel } from '../visitor/AccountPanel';
import { Slot } from '../layout/Overlay';
import { useStore } from '../../store';
import { useAuction } from './auctionStore';
import { NS } from './locales';
import './auction.css';

const newKey = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 32);

function span(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}

export default function HallAuction() {
  const { t } = useTranslation(NS);
  const lots = useAuction((s) => s.lots);
  const outbid = useAuction((s) => s.outbid);
  const [open, setOpen] = useState(true);
  const raise = useStore((s) => s.raisePanel);
  // the server's clock decides: this page's estimate of it
  const now = useNow(250, lots) + serverClock.estimator.offset();
  if (!lots.length) return null;
  return (
    <Slot id="auction" onClose={open ? () => setOpen(false) : undefined}>
      <aside className="panel auction-panel" data-testid="auction-panel" aria-label={t('title')} data-open={open}>
        <button
          type="button"
          className="auction-head"
          aria-expanded={open}
          onClick={() => {
            if (!open) raise('auction');
            setOpen(!open);
          }}
          data-testid="auction-toggle"
        >
          {t('title')} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        {outbid && (
          <p className="auction-outbid" role="alert" data-testid="auction-outbid">
            {t('outbid', { price: outbid.price })}
          </p>
        )}
        {open && (
          <div className="auction-body">
            {lots.map((l) => (
              <LotCard key={l.id} lot={l} now={now} />
            ))}
            <p className="auction-note">{t('offPlatform')}</p>
          </div>
        )}
      </aside>
    </Slot>
  );
}

function LotCard({ lot, now }: { lot: LotView; now: number }) {
  const { t, i18n } = useTranslation(NS);
  const phase = now < lot.opensAt ? 'before' : now < lot.closesAt ? 'open' : 'closed';
  return (
    <section className="auction-lot" data-testid="auction-lot" data-lot={lot.id} data-price={lot.price ?? ''} data-phase={phase}>
      {lot.pictureUrl && (
        // the organizer's one picture of the lot (re-encoded WebP, at most 1024 px a side)
        <img className="auction-picture" src={lot.pictureUrl} alt={pick(lot.title, i18n.language)} loading="lazy" data-testid="auction-picture" />
      )}
      <h3>
        <span className="auction-kind">{t(`kind.${lot.kind}`)}</span> {pick(lot.title, i18n.language)}
      </h3>
      <p className="auction-desc">{pick(lot.description, i18n.language)}</p>
      {lot.sessionId && (
        <a className="auction-session" href={`/agenda#session-${lot.sessionId}`} data-testid="auction-session-link">
          {t('session')}
        </a>
      )}
      <p className="auction-state" data-testid="auction-state">
        {phase === 'closed'
          ? lot.price !== null
            ? t('won', { price: lot.price, name: lot.leader })
            : t('unsold')
          : lot.price !== null
            ? t('leading', { price: lot.price, name: lot.leader })
            : t('noBids', { price: lot.startPrice })}
        {lot.bids > 0 && <span className="auction-count"> · {t('bids', { count: lot.bids })}</span>}
      </p>
      <p className="auction-clock" aria-live="off">
        {phase === 'before'
          ? t('startsIn', { time: span(lot.opensAt - now) })
          : phase === 'open'
            ? t('endsIn', { time: span(lot.closesAt - now) })
            : t('closed')}
      </p>
      {phase === 'open' && <BidForm lot={lot} />}
      {phase !== 'closed' && lot.softCloseMs > 0 && <p className="auction-note">{t('softClose', { seconds: lot.softCloseMs / 1000 })}</p>}
    </section>
  );
}

function BidForm({ lot }: { lot: LotView }) {
  const { t } = useTranslation(NS);
  const session = useSession();
  const min = nextPrice({ price: lot.price, startPrice: lot.startPrice, increment: lot.increment });
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  // the answer to this page's last bid; "you lead" only while the price is still that bid
  const [line, setLine] = useState<{ ok: boolean; text: string; price: number | null } | null>(null);
  const setLed = useAuction((s) => s.setLed);
  if (session.state.status !== 'signed-in' || session.state.user.role !== 'visitor')
    return (
      <AccountPanel
        state={session.state}
        onSignedIn={session.setUser}
        onSignOut={() => void session.signOut()}
        onRetry={() => void session.refresh()}
        why={t('signIn')}
      />
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = amount ? Number(amount) : min;
    setBusy(true);
    setLine(null);
    try {
      const r = await api('placeBid', { body: { lotId: lot.id, amount: value, key: newKey() } });
      if (r.ok) {
        setLed(lot.id, value);
        setAmount('');
        setLine({ ok: true, text: t('accepted'), price: value });
      } else setLine({ ok: false, text: t(`refused.${r.reason as BidRefusalCode}`), price: null });
    } catch (err) {
      setLine({ ok: false, text: t('failed', { message: errorText(err) }), price: null });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="auction-bid" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {t('yourBid')}
        <input
          type="number"
          inputMode="numeric"
          min={min}
          step={lot.increment}
          value={amount}
          placeholder={String(min)}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="auction-amount"
        />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="auction-bid">
        {busy ? t('sending') : t('bid')}
      </button>
      <span className="auction-min">{t('bidMin', { price: min })}</span>
      {line && (!line.ok || line.price === lot.price) && (
        <p role="status" className={line.ok ? 'auction-ok' : 'auction-refused'} data-testid="auction-answer">
          {line.text}
        </p>
      )}
    </form>
  );
}
