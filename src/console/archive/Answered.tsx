// A view of the archive around one request's answer: the way back, then "loading", the error
// in words, or the view of the data.
import type { ReactNode } from 'react';
import { useSay } from '../language.tsx';
import { W } from './messages.ts';
import type { Answer } from './use-answer.ts';

type Props<T> = { label: string; answer: Answer<T> | null; onBack: () => void; children: (data: T) => ReactNode };

export function Answered<T>({ label, answer, onBack, children }: Props<T>) {
  const say = useSay();
  return (
    <section className="archive" aria-label={label}>
      <button type="button" className="console-button" onClick={onBack}>
        ← {say(W.back)}
      </button>
      {(!answer || answer.state === 'loading') && <p className="console-loading">{say(W.loading)}</p>}
      {answer?.state === 'failed' && (
        <p role="alert" className="console-error">
          {answer.message}
        </p>
      )}
      {answer?.state === 'done' && children(answer.data)}
    </section>
  );
}
