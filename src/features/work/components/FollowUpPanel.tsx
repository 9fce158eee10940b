import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { advisorNames } from '../../../db/advisor-repo.ts';
import { db } from '../../../db/instance.ts';
import { recordFollowUpCall, resolveFollowUp } from '../../../db/work-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import { CALL_OUTCOMES, followUpState, type CallOutcome, type FollowUp, type FollowUpCall } from '../../../shared/follow-up.ts';
import { deliveredAt } from '../../../shared/follow-up-list.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Job } from '../../../shared/job.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import type { MessageKey } from '../../../ui/messages.ts';
import { useNow } from '../../../ui/use-now.ts';
import { callProblem, callWindow, resolutionProblem } from '../follow-up-call.ts';

// Long enough for what a customer says on the phone; the shared schema allows 500.
const NOTE_MAX = 500;

/** 72 小时回访: when to call, the call's outcome, and a dissatisfied customer's item until closed. */
export function FollowUpPanel({ job }: { job: Job }) {
  const { t } = useI18n();
  const now = useNow();
  const names = useLiveQuery(() => advisorNames(db), []);
  const delivered = deliveredAt(job);
  const who = (advisorId: string | null) => (advisorId ? (names?.get(advisorId) ?? t('work.otherAdvisor')) : null);

  if (!delivered)
    return (
      <section className="follow-up" aria-labelledby="follow-up-title">
        <h2 id="follow-up-title">{t('followUp.title')}</h2>
        <p className="banner banner-info">{t('followUp.notDelivered')}</p>
      </section>
    );

  const state = followUpState(delivered, job.followUp, now);
  const span = callWindow(delivered);
  const times = { delivered: formatLocalDateTime(delivered), from: formatLocalDateTime(span.from), until: formatLocalDateTime(span.until) };

  return (
    <section className="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">
        {t('followUp.title')} <span className={`badge badge-followup-${state}`}>{t(`followUp.state.${state}`)}</span>
      </h2>
      {state === 'open' ? null : (
        <p className={`banner ${state === 'overdue' ? 'banner-error' : state === 'done' ? 'banner-ok' : 'banner-info'}`}>
          {state === 'done' ? t('followUp.done') : t(`followUp.${state}`, times)}
        </p>
      )}
      {job.card.customer.phone && (
        <p className="follow-up-phone">
          {t('followUp.phone')}：
          <a className="btn" href={`tel:${job.card.customer.phone}`}>
            {job.card.customer.phone}
          </a>
        </p>
      )}
      {state === 'open' && <OpenItem job={job} />}
      <CallForm jobId={job.id} />
      <CallHistory followUp={job.followUp} who={who} />
    </section>
  );
}

/**
 * A note typed and saved with one button: its rule checked first, the write loaded on first
 * use, the failure said in words. The call and the closing of an item share it.
 */
function useNoteForm<P extends MessageKey>(check: (note: string) => P | null, write: (note: string) => Promise<void>) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<P | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<boolean> {
    const found = check(note);
    setProblem(found);
    setFailure(null);
    if (found) return false;
    setBusy(true);
    try {
      await write(note.trim());
      setNote('');
      return true;
    } catch (e) {
      setFailure(t('save.failed', { reason: errorText(e) }));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { note, setNote, problem, setProblem, failure, busy, submit };
}

type NoteFormProps = {
  id: string;
  title: string;
  className: string;
  label: string;
  form: { note: string; setNote: (note: string) => void; problem: MessageKey | null; failure: string | null; busy: boolean; submit: () => Promise<boolean> };
  /** What the form is about above the note (the outcome, the complaint). */
  children: ReactNode;
  /** Said after a save (e.g. that the card stays on the list). */
  saved?: string | null;
  submit: ReactNode;
  submitClass: string;
};

function NoteForm({ id, title, className, label, form, children, saved, submit, submitClass }: NoteFormProps) {
  const { t } = useI18n();
  const invalid = form.problem !== null && form.problem !== 'followUp.chooseOutcome';
  return (
    <form
      className={`group ${className}`}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <div className={`field${invalid ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-note`}>{label}</label>
        <textarea id={`${id}-note`} rows={3} maxLength={NOTE_MAX} value={form.note} aria-invalid={invalid} onChange={(e) => form.setNote(e.target.value)} />
      </div>
      {form.problem && (
        <p className="field-error" role="alert">
          {t(form.problem)}
        </p>
      )}
      {form.failure && (
        <p className="banner banner-error" role="alert">
          {form.failure}
        </p>
      )}
      {saved && (
        <p className="banner banner-ok" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className={`btn btn-large ${submitClass}`} disabled={form.busy}>
        {submit}
      </button>
    </form>
  );
}

function CallForm({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [saved, setSaved] = useState<CallOutcome | null>(null);
  const form = useNoteForm(
    (note) => callProblem(outcome, note),
    async (note) => {
      if (!outcome) return;
      await recordFollowUpCall(db, jobId, outcome, note);
      setSaved(outcome);
      setOutcome(null);
    },
  );

  return (
    <NoteForm
      id="follow-up-call"
      title={t('followUp.record')}
      className="follow-up-form"
      label={outcome === 'dissatisfied' ? t('followUp.noteDissatisfied') : t('followUp.note')}
      form={form}
      saved={saved && (saved === 'noAnswer' ? t('followUp.noAnswerSaved') : t('followUp.saved'))}
      submit={t('followUp.save')}
      submitClass="btn-primary"
    >
      <ChoiceRow
        label={t('followUp.outcome')}
        options={CALL_OUTCOMES}
        value={outcome}
        onChoose={(o) => {
          setOutcome(o);
          form.setProblem(null);
          setSaved(null);
        }}
        optionLabel={(o) => t(`followUp.outcome.${o}`)}
        className="segmented follow-up-outcomes"
        optionClass={(o) => `btn btn-large${o === 'dissatisfied' ? ' outcome-dissatisfied' : ''}`}
      />
    </NoteForm>
  );
}

function OpenItem({ job }: { job: Job }) {
  const { t } = useI18n();
  const complaint = callsNewestFirst(job.followUp).find((c) => c.outcome === 'dissatisfied');
  const form = useNoteForm(resolutionProblem, async (note) => {
    await resolveFollowUp(db, job.id, note);
  });

  return (
    <NoteForm
      id="follow-up-open"
      title={t('followUp.openItem')}
      className="follow-up-open"
      label={t('followUp.resolution')}
      form={form}
      submit={`✓ ${t('followUp.resolve')}`}
      submitClass=""
    >
      {complaint && (
        <blockquote className="follow-up-complaint">
          {formatLocalDateTime(complaint.calledAt)}：{complaint.note}
        </blockquote>
      )}
    </NoteForm>
  );
}

function callsNewestFirst(followUp: FollowUp): FollowUpCall[] {
  return Object.values(followUp.calls).sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt) || (a.id < b.id ? 1 : -1));
}

function CallHistory({ followUp, who }: { followUp: FollowUp; who: (advisorId: string | null) => string | null }) {
  const { t } = useI18n();
  const calls = callsNewestFirst(followUp);
  const resolution = followUp.resolution;
  return (
    <section className="follow-up-calls" aria-labelledby="follow-up-calls-title">
      <h3 id="follow-up-calls-title">{t('followUp.calls')}</h3>
      {resolution && (
        <p className="banner banner-ok">
          ✓ {t('followUp.resolved', { time: formatLocalDateTime(resolution.at) })}
          {who(resolution.advisorId) && ` · ${who(resolution.advisorId)}`}：{resolution.note}
        </p>
      )}
      {calls.length === 0 ? (
        <p className="empty">{t('followUp.noCalls')}</p>
      ) : (
        <ul>
          {calls.map((call) => (
            <li key={call.id} className={`follow-up-call follow-up-call-${call.outcome}`}>
              <span className="work-history-time">{formatLocalDateTime(call.calledAt)}</span> <strong>{t(`followUp.outcome.${call.outcome}`)}</strong>
              {who(call.advisorId) && ` · ${who(call.advisorId)}`}
              {call.note && <span className="follow-up-note">{call.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
