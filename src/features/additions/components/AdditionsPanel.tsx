import { useEffect, useState, type ReactNode } from 'react';
import { addAdditions, removeAddition, updateAddition } from '../../../db/addition-repo.ts';
import { db } from '../../../db/instance.ts';
import { declinedAdditions, decidedAdditions, promisedAt as currentPromisedAt, type AdditionFields } from '../../../shared/additions.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { LineFields } from '../../../shared/estimate.ts';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { live } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { readProposedPromise, writeProposedPromise } from '../../../ui/proposed-promise.ts';
import '../additions.css';
import { AdditionForm } from './AdditionForm.tsx';
import { AdditionRow } from './AdditionRow.tsx';
import { DeclinedList } from './DeclinedList.tsx';
import { PhoneApprovalForm } from './PhoneApprovalForm.tsx';

type AdditionsPanelProps = {
  job: Job;
  onHandOver: (kind: SignatureKind) => void;
  /**
   * A picker of lines from the catalogue or typed (the estimate's, passed in by the app); a
   * pick is the line, then the parts its catalogue item carries (带料工时), if any.
   */
  linePicker: (onPick: (lines: LineFields[]) => Promise<boolean>) => ReactNode;
  /** Photo buttons saving photos of one additional line (the walk-around's, passed in by the app). */
  photoPicker: (additionId: string, label: string) => ReactNode;
  /** A promised-time field (the estimate's, passed in by the app). */
  promisedAtField: (value: string | null, onChange: (promisedAt: string | null) => void) => ReactNode;
};

type Editing = { kind: 'new'; fields: LineFields; parts: LineFields[] } | { kind: 'edit'; id: string } | null;

/**
 * 追加项目 on a checked-in card: lines the workshop found, each with its reason and photos,
 * the customer's decision (on the tablet with a signature, or 电话确认 recorded by the
 * advisor), and the 建议项目表 of what was declined. Every change is saved at once.
 */
export function AdditionsPanel({ job, onHandOver, linePicker, photoPicker, promisedAtField }: AdditionsPanelProps) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [phoning, setPhoning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [proposal, setProposal] = useState(() => readProposedPromise(job.id));
  const report = (e: unknown) => setFailure(t('addition.saveFailed', { reason: errorText(e) }));

  const lines = decidedAdditions(job);
  const pending = lines.filter((line) => line.decision === null);
  const photos = live(job.photos);
  const promised = currentPromisedAt(job);

  // Once nothing waits, the proposal has been decided on (or its lines removed): drop it, so
  // the next round starts without a time nobody proposed for it.
  const nothingPending = pending.length === 0;
  useEffect(() => {
    if (nothingPending && proposal !== null) {
      writeProposedPromise(job.id, null);
      setProposal(null);
    }
  }, [nothingPending, proposal, job.id]);

  if (job.status === 'draft') return <p className="banner banner-info">{t('addition.notCheckedIn')}</p>;

  function propose(value: string | null) {
    writeProposedPromise(job.id, value);
    setProposal(value);
  }

  async function save(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      setFailure(null);
      setEditing(null);
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  const editedLine = editing?.kind === 'edit' ? lines.find((line) => line.id === editing.id) : undefined;
  return (
    <section className="additions" aria-labelledby="additions-title">
      <h2 id="additions-title">{t('addition.title')}</h2>
      <p className="addition-lead">{t('addition.lead')}</p>
      {failure && (
        <p className="banner banner-error" role="alert">
          {failure}
        </p>
      )}

      {lines.length === 0 ? (
        <p>{t('addition.empty')}</p>
      ) : (
        <ul className="addition-list">
          {lines.map((line) =>
            editedLine?.id === line.id ? (
              <li key={line.id}>
                <AdditionForm
                  title={t('addition.edit')}
                  initial={line}
                  onSave={(fields: AdditionFields) => save(() => updateAddition(db, job.id, line.id, fields))}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <AdditionRow
                key={line.id}
                jobId={job.id}
                line={line}
                photos={photos.filter((photo) => photo.additionId === line.id)}
                photoPicker={photoPicker(line.id, line.description)}
                onEdit={() => setEditing({ kind: 'edit', id: line.id })}
                onRemove={() => {
                  if (window.confirm(t('addition.removeConfirm', { name: line.description }))) void save(() => removeAddition(db, job.id, line.id));
                }}
                onFailure={report}
              />
            ),
          )}
        </ul>
      )}

      {editing?.kind === 'new' ? (
        <AdditionForm
          title={t('addition.draft')}
          initial={editing.fields}
          parts={editing.parts}
          onSave={(fields, parts) => save(() => addAdditions(db, job.id, [fields, ...parts]))}
          onCancel={() => setEditing(null)}
        />
      ) : picking ? (
        <div className="group addition-picker">
          <p className="addition-lead">{t('addition.pickHint')}</p>
          {linePicker(async ([fields, ...parts]) => {
            if (!fields) return false;
            setEditing({ kind: 'new', fields, parts });
            setPicking(false);
            return true;
          })}
          <button type="button" className="btn btn-large" onClick={() => setPicking(false)}>
            {t('addition.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-large" onClick={() => setPicking(true)}>
          ＋ {t('addition.add')}
        </button>
      )}

      {pending.length > 0 && (
        <section className="group addition-decide" aria-label={t('addition.pendingCount', { n: pending.length })}>
          <h3>{t('addition.pendingCount', { n: pending.length })}</h3>
          <p>{promised ? t('addition.promisedNow', { time: formatLocalDateTime(promised) }) : t('addition.promisedNone')}</p>
          {phoning ? (
            <PhoneApprovalForm
              job={job}
              pending={pending}
              promisedAt={proposal}
              promisedAtField={<ProposalField>{promisedAtField(proposal, propose)}</ProposalField>}
              onDone={() => {
                setPhoning(false);
                propose(null);
              }}
              onCancel={() => setPhoning(false)}
              onFailure={report}
            />
          ) : (
            <>
              <ProposalField>{promisedAtField(proposal, propose)}</ProposalField>
              <div className="addition-actions">
                <button type="button" className="btn btn-primary btn-large" onClick={() => onHandOver('additional')}>
                  {t('addition.handOver')}
                </button>
                <button type="button" className="btn btn-large" onClick={() => setPhoning(true)}>
                  {t('addition.phone')}
                </button>
              </div>
            </>
          )}
        </section>
      )}

      <DeclinedList lines={declinedAdditions(job)} />
    </section>
  );
}

/** The new promised time, titled as such (the field's own legend says 预计交车时间). */
function ProposalField({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="addition-proposal">
      <p className="addition-proposal-title">{t('addition.newPromised')}</p>
      <p className="addition-lead">{t('addition.newPromisedHint')}</p>
      {children}
    </div>
  );
}
