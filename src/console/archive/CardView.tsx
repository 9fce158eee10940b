// One card of the archive, read-only, as the server stores it: who and what, the lines of work,
// the damage on the tablets' diagram, the photos (thumbnails; full size on click), every
// signature with the server's check of it, and the history of changes (who, which tablet, when).
import { useRef, useState } from 'react';
import { approvedAdditions } from '../../shared/additions.ts';
import { ARCHIVE_API, archiveCardResponseSchema, blobPath, type ArchiveCardResponse } from '../../shared/console/archive-api.ts';
import { lineAmounts, type EstimateLine } from '../../shared/estimate.ts';
import { SERVICE_TYPES } from '../../shared/job.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { formatFen } from '../../shared/money.ts';
import { live, type Photo } from '../../shared/walkaround.ts';
import { consoleApi } from '../console-api.ts';
import { useLanguage, useSay } from '../language.tsx';
import { tabletWord } from '../reports/messages.ts';
import { Answered } from './Answered.tsx';
import { DamageDiagram } from './DamageDiagram.tsx';
import { OPS, W } from './messages.ts';
import { useAnswer } from './use-answer.ts';

type Props = { jobId: string; onBack: () => void; onCustomer: (phone: string, name: string) => void };

export default function CardView({ jobId, onBack, onCustomer }: Props) {
  const say = useSay();
  const answer = useAnswer(() => consoleApi(`${ARCHIVE_API}/cards/${encodeURIComponent(jobId)}`, { schema: archiveCardResponseSchema }), jobId);
  return (
    <Answered label={say(W.title)} answer={answer} onBack={onBack}>
      {(card) => <Card card={card} onCustomer={onCustomer} />}
    </Answered>
  );
}

function Card({ card, onCustomer }: { card: ArchiveCardResponse; onCustomer: Props['onCustomer'] }) {
  const say = useSay();
  const { language } = useLanguage();
  const { job } = card;
  const { customer, vehicle } = job.card;
  const time = (iso: string | null | undefined) => (iso ? formatLocalDateTime(iso) : say(W.nobody));
  const services = SERVICE_TYPES.filter((type) => job.card.serviceTypes[type]).map((type) => tabletWord(language, `service.${type}`));
  const facts: Array<[string, string]> = [
    [say(W.plate), vehicle.plate],
    [say(W.vin), vehicle.vin],
    [say(W.model), [vehicle.model, vehicle.color].filter(Boolean).join(' · ')],
    [say(W.phone), customer.phone],
    [say(W.company), customer.company],
    [say(W.status), tabletWord(language, `status.${job.status}`)],
    [say(W.createdAt), time(job.createdAt)],
    [say(W.checkedInAt), time(job.checkedInAt)],
    [say(W.advisor), card.checkedInBy ?? say(W.nobody)],
    [say(W.odometer), job.card.odometerKm === null ? say(W.nobody) : `${job.card.odometerKm} km`],
    [say(W.services), services.join('、') || say(W.nobody)],
    [say(W.request), job.card.customerRequest],
  ];
  return (
    <article className="archive-card">
      <h1>
        {say(W.number)} {job.number}
      </h1>
      <p className="console-hint">{say(W.readOnly)}</p>
      <div className="console-card">
        <h2>
          {say(W.customer)}:{' '}
          {customer.phone || customer.name ? (
            <button type="button" className="archive-link" onClick={() => onCustomer(customer.phone.replace(/\D/g, ''), customer.phone ? '' : customer.name)}>
              {customer.name || customer.phone}
            </button>
          ) : (
            say(W.nobody)
          )}
        </h2>
        <dl className="archive-facts">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value || say(W.nobody)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Lines lines={live(job.estimate.lines)} additions={approvedAdditions(job)} />
      <section className="console-card">
        <h2>{say(W.damages)}</h2>
        <DamageDiagram body={vehicle.bodyStyle} damages={live(job.damages)} />
      </section>
      <Photos photos={live(job.photos)} />
      <Signatures card={card} />
      <History card={card} />
    </article>
  );
}

function Lines({ lines, additions }: { lines: EstimateLine[]; additions: EstimateLine[] }) {
  const say = useSay();
  const { language } = useLanguage();
  const money = (fen: number) => formatFen(fen, language);
  const rows = [...lines.map((line) => ({ line, addition: false })), ...additions.map((line) => ({ line, addition: true }))];
  const total = rows.reduce((sum, { line }) => sum + lineAmounts(line).netFen, 0);
  return (
    <section className="console-card">
      <h2>{say(W.lines)}</h2>
      {rows.length === 0 ? (
        <p>{say(W.noLines)}</p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{say(W.description)}</th>
              <th scope="col" className="number">
                {say(W.quantity)}
              </th>
              <th scope="col" className="number">
                {say(W.unitPrice)}
              </th>
              <th scope="col" className="number">
                {say(W.amount)}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ line, addition }) => (
              <tr key={line.id}>
                <td>
                  {line.code && <span className="console-hint">{line.code} </span>}
                  {line.description}
                  {addition && <strong> · {say(W.addition)}</strong>}
                </td>
                <td className="number">{line.quantityMilli / 1000}</td>
                <td className="number">{money(line.unitPriceFen)}</td>
                <td className="number">{money(lineAmounts(line).netFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {say(W.estimate)}
              </th>
              <td className="number">{money(total)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function Photos({ photos }: { photos: Photo[] }) {
  const say = useSay();
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<Photo | null>(null);
  const open = (photo: Photo) => {
    setShown(photo);
    dialog.current?.showModal();
  };
  return (
    <section className="console-card">
      <h2>
        {say(W.photos)} ({photos.length})
      </h2>
      {photos.length === 0 && <p>{say(W.noPhotos)}</p>}
      <ul className="archive-photos">
        {photos.map((photo, i) => (
          <li key={photo.id}>
            <button type="button" className="archive-thumb" onClick={() => open(photo)} aria-label={say(W.photoOf, { n: i + 1 })}>
              <img src={blobPath(photo.thumbSha256)} alt="" loading="lazy" width={160} height={120} />
            </button>
          </li>
        ))}
      </ul>
      <dialog ref={dialog} className="archive-dialog" aria-label={say(W.fullSize)} onClose={() => setShown(null)}>
        {shown && <img src={blobPath(shown.sha256)} alt={say(W.fullSize)} width={shown.width} height={shown.height} />}
        <form method="dialog">
          <button type="submit" className="console-button console-primary">
            {say(W.close)}
          </button>
        </form>
      </dialog>
    </section>
  );
}

function Signatures({ card }: { card: ArchiveCardResponse }) {
  const say = useSay();
  const { language } = useLanguage();
  return (
    <section className="console-card">
      <h2>{say(W.signatures)}</h2>
      {card.signatures.length === 0 ? (
        <p>{say(W.noSignatures)}</p>
      ) : (
        <ul className="archive-signatures">
          {card.signatures.map((signature) => (
            <li key={signature.id} className="archive-signature" data-verified={signature.verified}>
              <img src={blobPath(signature.pngSha256)} alt={say(W.signatureOf, { signer: signature.signerName })} width={240} height={90} />
              <div>
                <strong>{tabletWord(language, `signing.kind.${signature.kind}`)}</strong>
                <div>
                  {say(W.signer)}: {signature.signerName} · {formatLocalDateTime(signature.signedAt)} · {say(W.tablet)} {signature.device ?? say(W.nobody)}
                </div>
                <div className={signature.verified ? 'console-ok' : 'console-error'}>{say(signature.verified ? W.verified : W.changed)}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ card }: { card: ArchiveCardResponse }) {
  const say = useSay();
  return (
    <section className="console-card">
      <h2>{say(W.history)}</h2>
      <div className="archive-scroll">
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{say(W.when)}</th>
              <th scope="col">{say(W.who)}</th>
              <th scope="col">{say(W.tablet)}</th>
              <th scope="col">{say(W.what)}</th>
              <th scope="col">{say(W.result)}</th>
            </tr>
          </thead>
          <tbody>
            {card.history.map((entry) => (
              <tr key={entry.serverOrder}>
                <td>{formatLocalDateTime(entry.createdAt)}</td>
                <td>{entry.advisorName ?? say(W.nobody)}</td>
                <td>{entry.device ?? say(W.nobody)}</td>
                <td>
                  {OPS[entry.op] ? say(OPS[entry.op]!) : entry.op}
                  {entry.fields.length > 0 && <span className="console-hint"> ({entry.fields.join(', ')})</span>}
                </td>
                <td className={entry.status === 'applied' ? undefined : 'console-error'}>
                  {entry.status === 'applied' ? say(W.applied) : say(W.rejected, { reason: entry.reason ?? '' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
