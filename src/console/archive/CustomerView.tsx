// A customer's page: the vehicles they brought (by plate, else VIN, named by the newest card)
// and every visit, newest first, each opening its card.
import { ARCHIVE_API, customerResponseSchema } from '../../shared/console/archive-api.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { Answered } from './Answered.tsx';
import { CardTable } from './CardTable.tsx';
import { W } from './messages.ts';
import { useAnswer } from './use-answer.ts';

type Props = { phone: string; name: string; onBack: () => void; onOpen: (jobId: string) => void };

export default function CustomerView({ phone, name, onBack, onOpen }: Props) {
  const say = useSay();
  const query = new URLSearchParams(phone ? { phone } : { name }).toString();
  const answer = useAnswer(() => consoleApi(`${ARCHIVE_API}/customer?${query}`, { schema: customerResponseSchema }), query);
  return (
    <Answered label={say(W.customerPage)} answer={answer} onBack={onBack}>
      {(data) => (
        <>
          <h1>
            {data.name || say(W.nobody)} · {data.phone || say(W.nobody)}
          </h1>
          <section className="console-card">
            <h2>{say(W.vehicles)}</h2>
            <table className="console-table">
              <thead>
                <tr>
                  <th scope="col">{say(W.plate)}</th>
                  <th scope="col">{say(W.vin)}</th>
                  <th scope="col">{say(W.model)}</th>
                  <th scope="col" className="number">
                    {say(W.visitCount)}
                  </th>
                  <th scope="col">{say(W.lastVisit)}</th>
                </tr>
              </thead>
              <tbody>
                {data.vehicles.map((vehicle) => (
                  <tr key={vehicle.plate || vehicle.vin}>
                    <td>{vehicle.plate || say(W.nobody)}</td>
                    <td>{vehicle.vin || say(W.nobody)}</td>
                    <td>{[vehicle.model, vehicle.color].filter(Boolean).join(' · ') || say(W.nobody)}</td>
                    <td className="number">{vehicle.visits}</td>
                    <td>{formatLocalDateTime(vehicle.lastVisitAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="console-card">
            <h2>{say(W.visits)}</h2>
            {data.more && <p className="console-hint">{say(W.moreVisits, { count: data.visits.length })}</p>}
            <CardTable cards={data.visits} onOpen={onOpen} />
          </section>
        </>
      )}
    </Answered>
  );
}
