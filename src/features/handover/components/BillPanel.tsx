import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateHandover } from '../../../db/work-repo.ts';
import { approvedAdditions, type Approval } from '../../../shared/additions.ts';
import { bill, type Bill, type BillDifference } from '../../../shared/bill.ts';
import { PAYMENT_METHODS } from '../../../shared/estimate.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { HandoverPatch } from '../../../shared/handover.ts';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { formatFen } from '../../../shared/money.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { NumberField } from '../../../ui/NumberField.tsx';
import { formatYuanInput, parseDiscount, parsePaid } from '../bill-input.ts';
import { useBillSignatureStates, type BillSignatureStates } from '../bill-signature-states.ts';
import '../bill.css';
import { BillDelivery } from './BillDelivery.tsx';
import { NextServiceSection } from './NextServiceSection.tsx';

type BillPanelProps = { job: Job; onHandOver: (kind: SignatureKind) => void };

/**
 * 结算: the bill at handover, in integer 分. It starts from the estimate the customer signed
 * and explains every difference line by line (each approved addition, how it was approved, the
 * bill discount and why), then what is due, paid and still open; then 下次保养 and the
 * customer's 交车确认.
 */
export function BillPanel({ job, onHandOver }: BillPanelProps) {
  const { t } = useI18n();
  const [saveError, setSaveError] = useState<string | null>(null);
  const states = useBillSignatureStates(job);
  const settled = bill(job);

  function save(fields: HandoverPatch) {
    setSaveError(null);
    updateHandover(db, job.id, fields).catch((e: unknown) => setSaveError(t('bill.saveFailed', { reason: errorText(e) })));
  }

  return (
    <div className="bill-panel">
      {saveError && (
        <p className="banner banner-error" role="alert">
          {saveError}
        </p>
      )}
      <section className="bill-section" aria-labelledby="bill-heading">
        <h2 id="bill-heading">{t('bill.heading')}</h2>
        <EstimateNotice state={states.estimate} />
        <BillTable job={job} settled={settled} />
        <BillEntry job={job} settled={settled} save={save} />
      </section>
      <NextServiceSection job={job} save={save} />
      <BillDelivery job={job} state={states.delivery} onHandOver={() => onHandOver('delivery')} />
    </div>
  );
}

function EstimateNotice({ state }: { state: BillSignatureStates['estimate'] }) {
  const { t } = useI18n();
  if (state === 'unsigned') return <p className="banner">{t('bill.estimateUnsigned')}</p>;
  if (state === 'stale') return <p className="banner banner-error">{t('bill.estimateStale')}</p>;
  return null;
}

/** The bill as the customer hears it: the estimate, each difference, what is due and paid. */
function BillTable({ job, settled }: { job: Job; settled: Bill }) {
  const { t, language } = useI18n();
  const money = (fen: number) => formatFen(fen, language);
  const approvals = new Map(approvedAdditions(job).map((line) => [line.id, line.approval] as const));
  const additions = settled.differences.filter((d) => d.kind === 'addition');
  const discounts = settled.differences.filter((d) => d.kind === 'discount');
  return (
    <table className="bill-table" aria-label={t('bill.heading')}>
      <tbody>
        <tr>
          <th scope="row">{t('bill.estimateTotal')}</th>
          <td className="bill-amount">{money(settled.estimate.totalFen)}</td>
        </tr>
        {settled.differences.length === 0 && (
          <tr>
            <td colSpan={2} className="bill-same">
              {t('bill.noDifferences')}
            </td>
          </tr>
        )}
        {additions.map((difference) => (
          <DifferenceRow key={differenceKey(difference)} difference={difference} approval={approvals.get(differenceKey(difference)) ?? null} />
        ))}
        {additions.length > 0 && (
          <tr className="bill-subtotal">
            <th scope="row">{t('bill.agreed')}</th>
            <td className="bill-amount">{money(settled.agreed.totalFen)}</td>
          </tr>
        )}
        {discounts.map((difference) => (
          <DifferenceRow key={differenceKey(difference)} difference={difference} approval={null} />
        ))}
        <tr className="bill-due">
          <th scope="row">{t('bill.due')}</th>
          <td className="bill-amount">{money(settled.dueFen)}</td>
        </tr>
        <tr>
          <th scope="row">{t('bill.paid')}</th>
          <td className="bill-amount">{settled.paidFen === null ? t('bill.notPaid') : money(settled.paidFen)}</td>
        </tr>
        <Outstanding outstandingFen={settled.outstandingFen} />
      </tbody>
    </table>
  );
}

const differenceKey = (difference: BillDifference) => (difference.kind === 'addition' ? difference.lineId : 'discount');

/** One line of difference from the signed estimate, with why. */
function DifferenceRow({ difference: d, approval }: { difference: BillDifference; approval: Approval | null }) {
  const { t, language } = useI18n();
  if (d.kind === 'discount')
    return (
      <tr className="bill-difference">
        <th scope="row">{t('bill.discountLine', { reason: d.reason || t('bill.discountNoReason') })}</th>
        <td className="bill-amount">−{formatFen(d.fen, language)}</td>
      </tr>
    );
  const via = approval?.via;
  return (
    <tr className="bill-difference">
      <th scope="row">
        {t('bill.addition', { description: d.description })}
        <span className="bill-why">{t('bill.reason', { reason: d.reason })}</span>
        <span className={`bill-why bill-via-${d.via}`}>
          {via?.kind === 'phone'
            ? t('bill.via.phone', { agreedBy: via.agreedBy, phone: via.phone, time: formatLocalDateTime(via.calledAt) })
            : t('bill.via.signature')}
        </span>
      </th>
      <td className="bill-amount">+{formatFen(d.netFen, language)}</td>
    </tr>
  );
}

function Outstanding({ outstandingFen }: { outstandingFen: number | null }) {
  const { t, language } = useI18n();
  if (outstandingFen === null) return null;
  if (outstandingFen === 0)
    return (
      <tr className="bill-settled">
        <td colSpan={2}>{t('bill.settled')}</td>
      </tr>
    );
  return (
    <tr className={outstandingFen > 0 ? 'bill-open' : 'bill-over'}>
      <th scope="row">{t(outstandingFen > 0 ? 'bill.outstanding' : 'bill.overpaid')}</th>
      <td className="bill-amount">{formatFen(Math.abs(outstandingFen), language)}</td>
    </tr>
  );
}

/** What the desk enters: the bill discount and its reason, the amount paid, how. */
function BillEntry({ job, settled, save }: { job: Job; settled: Bill; save: (fields: HandoverPatch) => void }) {
  const { t } = useI18n();
  const { handover } = job;
  const [reason, setReason] = useState<string | null>(null);
  const reasonShown = reason ?? handover.discountReason;
  return (
    <div className="bill-entry">
      <div className="bill-entry-row">
        <NumberField
          label={t('bill.discount')}
          prefix="¥"
          value={handover.discountFen === 0 ? null : handover.discountFen}
          format={formatYuanInput}
          parse={(text) => parseDiscount(text, settled.agreed.totalFen)}
          onCommit={(fen) => save({ discountFen: fen ?? 0 })}
          hint={t('bill.discountHint')}
        />
        <div className="field">
          <label htmlFor="bill-discount-reason">{t('bill.discountReason')}</label>
          <input
            id="bill-discount-reason"
            type="text"
            maxLength={200}
            value={reasonShown}
            aria-invalid={handover.discountFen > 0 && reasonShown.trim() === ''}
            onChange={(event) => setReason(event.target.value)}
            onBlur={() => {
              if (reason !== null && reason !== handover.discountReason) save({ discountReason: reason.trim() });
              setReason(null);
            }}
          />
          {handover.discountFen > 0 && reasonShown.trim() === '' && <div className="field-hint review-warn">{t('bill.discountReasonNeeded')}</div>}
        </div>
      </div>
      <NumberField
        label={t('bill.paidInput')}
        prefix="¥"
        value={handover.paidFen}
        format={formatYuanInput}
        parse={parsePaid}
        onCommit={(paidFen) => save({ paidFen })}
        hint={t('bill.paidHint')}
      />
      <fieldset className="group">
        <legend>
          {t('bill.payment')} {handover.payment === null && settled.payment !== null && <small>{t('bill.paymentFromEstimate')}</small>}
        </legend>
        <div className="chips">
          {PAYMENT_METHODS.map((payment) => (
            <Chip key={payment} pressed={settled.payment === payment} onToggle={() => save({ payment })}>
              {t(`payment.${payment}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
