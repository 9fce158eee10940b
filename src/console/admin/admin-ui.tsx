// Small pieces every section of the administration page uses: the server's refusal said in
// the console's language, a time shown in the store's time zone, and a busy flag.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { ConsoleApiError } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { REFUSALS, W } from './messages.ts';

/** What went wrong, for a person: the page's own words for a refusal it knows, else the server's message. */
export function useProblemText(): (error: unknown) => string {
  const say = useSay();
  return (error) => {
    if (error instanceof ConsoleApiError) {
      const known = REFUSALS[error.code];
      return known ? say(known) : error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

export function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="alert" className="console-error">
      {text}
    </p>
  );
}

/** An instant as the store reads it (Beijing time), or '—'. */
export function when(iso: string | null): string {
  return iso ? formatLocalDateTime(iso) : '—';
}

/**
 * Runs one request at a time: `busy` while it runs, its failure as text in `problem`.
 * `run` answers the work's value, or undefined when it failed; it is the same function on
 * every render, so an effect may depend on it.
 */
export function useAction() {
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure(error ?? new Error('failed'));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem: failure === null ? null : problemText(failure), clear: () => setFailure(null), run };
}

type ConfirmBoxProps = { text: string; confirm: string; danger?: boolean; busy: boolean; onConfirm: () => void; onCancel: () => void };

/** Asks before a change that cannot be taken back by itself; brought into view, as the row that asked may be far down. */
export function ConfirmBox({ text, confirm, danger = false, busy, onConfirm, onCancel }: ConfirmBoxProps) {
  const say = useSay();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [text]);
  return (
    <div ref={box} tabIndex={-1} role="alertdialog" aria-label={text} className="console-card admin-confirm">
      <p>{text}</p>
      <button type="button" className={`console-button ${danger ? 'console-danger' : 'console-primary'}`} disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="console-button" onClick={onCancel}>
        {say(W.cancel)}
      </button>
    </div>
  );
}
