import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { advisorNames } from '../../../db/advisor-repo.ts';
import { db } from '../../../db/instance.ts';
import { moveJob, MoveRefused, type MoveRefusal } from '../../../db/work-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Job } from '../../../shared/job.ts';
import { enteredAt, nextStatus, STATUS_MOVES, WORK_STATUSES, type JobStatus, type StatusMove } from '../../../shared/job-status.ts';
import type { MessageKey } from '../../../ui/messages.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import type { WorkSection } from '../sections.ts';

const MOVE_LABEL: Partial<Record<JobStatus, MessageKey>> = {
  'in-repair': 'work.move.in-repair',
  'quality-check': 'work.move.quality-check',
  ready: 'work.move.ready',
  delivered: 'work.move.delivered',
};

// Where a refused move sends the advisor to open its gate.
const FIX_AT: Record<MoveRefusal, { section: WorkSection; label: MessageKey } | null> = {
  order: null,
  qualityCheck: { section: 'qc', label: 'work.goTo.qc' },
  deliveryUnsigned: { section: 'bill', label: 'work.goTo.bill' },
  deliveryStale: { section: 'bill', label: 'work.goTo.bill' },
};

type Refused = { code: MoveRefusal; status: JobStatus };

/** 进度: the five statuses with when and by whom each was reached, and the one button for the next move. */
export function StatusPanel({ job }: { job: Job }) {
  const { t } = useI18n();
  const names = useLiveQuery(() => advisorNames(db), []);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = nextStatus(job.status);
  const nextLabel = next && MOVE_LABEL[next];
  const canGoBack = job.status !== 'checked-in' && STATUS_MOVES[job.status].includes('in-repair');

  // A refusal is about the status it was made from: once the card moves, it no longer holds.
  useEffect(() => {
    setRefused((r) => (r && r.status !== job.status ? null : r));
  }, [job.status]);

  const who = (advisorId: string | null) => (advisorId ? (names?.get(advisorId) ?? t('work.otherAdvisor')) : null);

  async function move(to: JobStatus) {
    setBusy(true);
    setFailure(null);
    setRefused(null);
    try {
      try {
        await moveJob(db, job.id, job.status, to);
      } catch (e) {
        if (e instanceof MoveRefused) setRefused({ code: e.code, status: job.status });
        else throw e;
      }
    } catch (e) {
      setFailure(t('save.failed', { reason: errorText(e) }));
    } finally {
      setBusy(false);
    }
  }

  const fix = refused && FIX_AT[refused.code];
  const delivered = job.status === 'delivered' ? enteredAt(job.moves, 'delivered') : null;

  return (
    <section className="work-status" aria-labelledby="work-progress-title">
      <h2 id="work-progress-title">{t('work.progress')}</h2>
      <ProgressBar job={job} who={who} />
      {refused && (
        <div className="banner banner-info work-refused" role="alert">
          <p>{t(`work.refused.${refused.code}`, { status: t(`status.${job.status}`) })}</p>
          {fix && (
            <button type="button" className="btn btn-large" onClick={() => navigate(`/jobs/${job.id}/${fix.section}`, { replace: true })}>
              {t(fix.label)} ›
            </button>
          )}
        </div>
      )}
      {failure && (
        <p className="banner banner-error" role="alert">
          {failure}
        </p>
      )}
      {next && nextLabel && (
        <button type="button" className="btn btn-primary btn-large work-next" disabled={busy} onClick={() => void move(next)}>
          {t(nextLabel)}
        </button>
      )}
      {delivered && (
        <div className="banner banner-ok work-delivered" role="status">
          <p>{t('work.delivered', { time: formatLocalDateTime(delivered) })}</p>
          <button type="button" className="btn" onClick={() => navigate(`/jobs/${job.id}/followup`, { replace: true })}>
            {t('work.section.followup')} ›
          </button>
        </div>
      )}
      {canGoBack && (
        <div className="work-back">
          <button type="button" className="btn" disabled={busy} onClick={() => void move('in-repair')}>
            ‹ {t('work.moveBack')}
          </button>
          <span className="field-hint">{t('work.moveBackHint')}</span>
        </div>
      )}
      <MoveHistory moves={job.moves} who={who} />
    </section>
  );
}

type Who = (advisorId: string | null) => string | null;

function ProgressBar({ job, who }: { job: Job; who: Who }) {
  const { t } = useI18n();
  const current = WORK_STATUSES.indexOf(job.status as (typeof WORK_STATUSES)[number]);
  return (
    <ol className="work-progress">
      {WORK_STATUSES.map((status, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
        // 已接车 is reached by the check-in itself, the others by a move (the newest one, if
        // the card went back and came round again).
        const move = status === 'checked-in' ? null : lastMoveInto(job.moves, status);
        const at = i > current ? null : status === 'checked-in' ? job.checkedInAt : (move?.at ?? null);
        const name = move ? who(move.advisorId) : null;
        return (
          <li key={status} className={`work-step work-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="work-step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="work-step-name">{t(`status.${status}`)}</span>
            {at && <span className="work-step-time">{formatLocalDateTime(at)}</span>}
            {name && <span className="work-step-who">{name}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function lastMoveInto(moves: readonly StatusMove[], status: JobStatus): StatusMove | undefined {
  return moves.findLast((m) => m.to === status);
}

function MoveHistory({ moves, who }: { moves: readonly StatusMove[]; who: Who }) {
  const { t } = useI18n();
  if (moves.length === 0) return null;
  return (
    <section className="work-history" aria-labelledby="work-history-title">
      <h3 id="work-history-title">{t('work.history')}</h3>
      <ul>
        {[...moves].reverse().map((m) => {
          const name = who(m.advisorId);
          return (
            <li key={`${m.at}-${m.from}-${m.to}`}>
              <span className="work-history-time">{formatLocalDateTime(m.at)}</span>{' '}
              {t('work.historyLine', { from: t(`status.${m.from}`), to: t(`status.${m.to}`) })}
              {name && ` · ${name}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
