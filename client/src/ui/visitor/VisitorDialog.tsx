/**
 * The frame of a visitor's dialog at a booth (leave a card, book a meeting): a titled panel with
 * the exhibitor's name, a close button and a scrolling body. It takes the focus when it opens:
 * the button that opened it has gone to the dock with the booth panel.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './visitor.css';

export function VisitorDialog({
  title,
  exhibitor,
  className = '',
  testId,
  closeTestId,
  boothId,
  onClose,
  children,
}: {
  title: string;
  exhibitor: string;
  className?: string;
  testId: string;
  closeTestId: string;
  boothId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus(), []);
  return (
    <aside
      ref={root}
      tabIndex={-1}
      className={`leave-card panel ${className}`}
      role="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      data-booth={boothId}
    >
      <header className="leave-card-head">
        <h2 id={titleId}>
          {title}
          {exhibitor && <small> · {exhibitor}</small>}
        </h2>
        <button type="button" className="ghost booth-close" onClick={onClose} aria-label={t('consent.close')} data-testid={closeTestId}>
          ×
        </button>
      </header>
      <div className="leave-card-scroll">{children}</div>
    </aside>
  );
}
