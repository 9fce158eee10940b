import { useSignatureStatuses } from '../../features/signing/hooks/use-signature-statuses.ts';
import { approvalsInOrder } from '../../shared/additions.ts';
import { BELONGINGS, COVERS, type Job } from '../../shared/job.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { formatFen } from '../../shared/money.ts';
import { latestSignatures, signedContent, type SignedAddition, type SignedDamage, type SignedLine } from '../../shared/signed-content.ts';
import { fuelText, type Fuel } from '../../shared/vehicle-condition.ts';
import { useBlobUrl } from '../../ui/use-blob-url.ts';
import { useI18n } from '../../ui/i18n.tsx';
import './print-handover.css';

/** The handover copy belongs on the sheet once the car is ready or the customer accepted it. */
export function showsHandover(job: Job): boolean {
  return job.status === 'ready' || job.status === 'delivered' || Object.values(job.signatures).some((s) => s.kind === 'delivery');
}

/**
 * 交车单 / 结算单: the handover as the customer accepts it, from the same signed content the
 * 交车确认 hashes: the final work, the 建议项目表, the condition at check-in against handover
 * (new damage apart, with its photos), the covers removed, the next service, the bill, and how
 * each decision was given: a signature, or a phone confirmation labelled as one.
 */
export function PrintHandover({ job }: { job: Job }) {
  const { t } = useI18n();
  if (!showsHandover(job)) return null;
  const c = signedContent(job, 'delivery');
  const money = (fen: number) => formatFen(fen);
  const km = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('en-US')} km`);
  const fuel = (value: Fuel | null) => (value === null ? '—' : fuelText(value));
  const photosByHash = new Map(Object.values(job.photos).map((p) => [p.sha256, p.thumbSha256] as const));
  return (
    <section className="print-section print-handover">
      <h2>{t('bill.print.title')}</h2>
      <h3>{t('bill.review.work')}</h3>
      <LinesTable lines={[...c.lines, ...c.additions]} added={c.lines.length} />

      {c.declined.length > 0 && (
        <>
          <h3>{t('bill.review.declined', { count: c.declined.length })}</h3>
          <table className="print-table">
            <tbody>
              {c.declined.map((line, i) => (
                <tr key={i}>
                  <td>
                    {line.description}
                    <br />
                    <small>{t('bill.reason', { reason: line.reason })}</small>
                  </td>
                  <td className="num">{t('bill.review.quoted', { amount: money(line.netFen) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>{t('bill.review.compare')}</h3>
      <table className="print-table">
        <thead>
          <tr>
            <th />
            <th>{t('bill.review.atCheckin')}</th>
            <th>{t('bill.review.atHandover')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('review.odometer')}</th>
            <td>{km(c.odometerKm.checkin)}</td>
            <td>{km(c.odometerKm.handover)}</td>
          </tr>
          <tr>
            <th scope="row">{t('fuel')}</th>
            <td>{fuel(c.fuel.checkin)}</td>
            <td>{fuel(c.fuel.handover)}</td>
          </tr>
          {c.checkinDamages.map((d, i) => (
            <tr key={i}>
              <th scope="row">{damageText(d)}</th>
              <td>✓</td>
              <td>{d.unchangedAt ? t('bill.review.unchanged', { time: formatLocalDateTime(d.unchangedAt) }) : t('bill.review.notConfirmed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('bill.review.newDamages', { count: c.handoverDamages.length })}</h3>
      {c.handoverDamages.length === 0 ? (
        <p>{t('bill.review.noNewDamage')}</p>
      ) : (
        <ol className="print-damages print-new-damage">
          {c.handoverDamages.map((d, i) => (
            <li key={i}>
              <strong>{damageText(d)}</strong>
              <span className="print-thumbs">
                {d.photos.map((sha256) => (
                  <PrintThumb key={sha256} sha256={photosByHash.get(sha256) ?? sha256} />
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}

      <table className="print-table">
        <tbody>
          <tr>
            <th scope="row">{t('bill.review.coversRemoved')}</th>
            <td>
              {c.coversRemoved.length === 0
                ? t('bill.review.noCovers')
                : [...c.coversRemoved]
                    // Signed content sorts keys for the hash; the sheet lists covers in the form's order.
                    .sort((a, b) => COVERS.indexOf(a.cover) - COVERS.indexOf(b.cover))
                    .map(({ cover, at }) => `${t(`cover.${cover}`)}：${at ? t('bill.review.removedAt', { time: formatLocalDateTime(at) }) : t('bill.review.notRemoved')}`)
                    .join('；')}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('bill.review.belongingsReturned')}</th>
            <td>
              {BELONGINGS.filter((b) => c.belongingsReturned.includes(b))
                .map((b) => t(`belonging.${b}`))
                .join('、') || '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('estimate.oldParts')}</th>
            <td>
              {c.oldParts ? `${t(`oldParts.${c.oldParts}`)} · ${t(c.oldPartsDone ? 'bill.review.oldPartsDone' : 'bill.review.oldPartsOpen')}` : '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('bill.next.title')}</th>
            <td>{c.nextService.date || c.nextService.km !== null ? t('bill.next.told', { date: c.nextService.date ?? '—', km: km(c.nextService.km) }) : '—'}</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('bill.heading')}</h3>
      <table className="print-table">
        <tbody>
          <tr>
            <th scope="row">{t('bill.agreed')}</th>
            <td className="num">{money(c.bill.agreed.totalFen)}</td>
          </tr>
          {c.bill.discountFen > 0 && (
            <tr>
              <th scope="row">{t('bill.discountLine', { reason: c.bill.discountReason || t('bill.discountNoReason') })}</th>
              <td className="num">−{money(c.bill.discountFen)}</td>
            </tr>
          )}
          <tr className="print-total">
            <th scope="row">{t('bill.due')}</th>
            <td className="num">{money(c.bill.dueFen)}</td>
          </tr>
          <tr>
            <th scope="row">{t('bill.paid')}</th>
            <td className="num">{c.bill.paidFen === null ? t('bill.notPaid') : money(c.bill.paidFen)}</td>
          </tr>
          <tr>
            <th scope="row">{t('bill.payment')}</th>
            <td>{c.bill.payment ? t(`payment.${c.bill.payment}`) : '—'}</td>
          </tr>
        </tbody>
      </table>

      <PrintConfirmations job={job} />
    </section>
  );

  function damageText(d: SignedDamage): string {
    return `${t(`damage.type.${d.type}`)} · ${t(`severity.${d.severity ?? 'unset'}`)} · ${t(`view.${d.view}`)}${d.note ? ` · ${d.note}` : ''}`;
  }
}

/** The final work: the estimate's lines, then the approved additions marked as added. */
function LinesTable({ lines, added }: { lines: (SignedLine | SignedAddition)[]; added: number }) {
  const { t } = useI18n();
  return (
    <table className="print-table">
      <tbody>
        {lines.map((line, i) => (
          <tr key={i}>
            <td>
              {i >= added && <strong>[{t('bill.review.added')}] </strong>}
              {line.description} <small>({t(line.kind === 'labour' ? 'estimate.labour' : 'estimate.parts')})</small>
              {'reason' in line && (
                <>
                  <br />
                  <small>{t('bill.reason', { reason: line.reason })}</small>
                </>
              )}
            </td>
            <td className="num">{formatFen(line.netFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each decision round on additional work, by signature or by phone (never called a signature), and the 交车确认. */
function PrintConfirmations({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  const rounds = approvalsInOrder(job);
  const signatures = Object.values(job.signatures);
  const delivery = latestSignatures(job).delivery;
  const state = (id: string) => (statuses[id] === 'stale' ? ` ⚠ ${t('signing.stale')}` : statuses[id] === 'valid' ? ` ✓ ${t('signing.valid')}` : '');
  return (
    <>
      <h3>{t('bill.print.confirmations')}</h3>
      <ul className="print-confirmations">
        {rounds.map((round) => {
          const decisions = Object.values(round.decisions);
          const summary = t('bill.print.round', {
            time: formatLocalDateTime(round.decidedAt),
            approved: decisions.filter((d) => d === 'approved').length,
            declined: decisions.filter((d) => d === 'declined').length,
          });
          const signature = signatures.find((s) => s.kind === 'additional' && s.subjectId === round.id);
          const via =
            round.via.kind === 'phone'
              ? t('bill.via.phone', { agreedBy: round.via.agreedBy, phone: round.via.phone, time: formatLocalDateTime(round.via.calledAt) })
              : signature
                ? `${t('bill.print.bySignature', { name: signature.signerName })}${state(signature.id)}`
                : t('bill.print.signatureMissing');
          return (
            <li key={round.id}>
              {t('signing.kind.additional')} · {summary} · {via}
            </li>
          );
        })}
        <li>
          <strong>
            {delivery
              ? `${t('bill.print.deliverySigned', { name: delivery.signerName, time: formatLocalDateTime(delivery.signedAt) })}${state(delivery.id)}`
              : t('bill.print.deliveryUnsigned')}
          </strong>
        </li>
      </ul>
    </>
  );
}

function PrintThumb({ sha256 }: { sha256: string }) {
  const url = useBlobUrl(sha256);
  return url ? <img className="print-thumb" src={url} alt="" /> : null;
}
