// Cards as the archive lists them (search results, a customer's visits): the job number opens
// the card, the customer's name their page.
import type { CardSummary } from '../../shared/console/archive-api.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { useLanguage, useSay } from '../language.tsx';
import { tabletWord } from '../reports/messages.ts';
import { W } from './messages.ts';

/** Cards as rows: the job number opens the card, the customer's name their page. */
export function CardTable({ cards, onOpen, onCustomer }: { cards: CardSummary[]; onOpen: (jobId: string) => void; onCustomer?: (phone: string, name: string) => void }) {
  const say = useSay();
  const { language } = useLanguage();
  return (
    <div className="archive-scroll">
      <table className="console-table archive-cards">
        <thead>
          <tr>
            <th scope="col">{say(W.number)}</th>
            <th scope="col">{say(W.plate)}</th>
            <th scope="col">{say(W.customer)}</th>
            <th scope="col">{say(W.phone)}</th>
            <th scope="col">{say(W.checkedInAt)}</th>
            <th scope="col">{say(W.status)}</th>
            <th scope="col">{say(W.advisor)}</th>
            <th scope="col" className="number">
              {say(W.photos)}
            </th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <tr key={card.jobId}>
              <td>
                <button type="button" className="archive-link" onClick={() => onOpen(card.jobId)}>
                  {card.number}
                </button>
              </td>
              <td>{card.plate || say(W.nobody)}</td>
              <td>
                {onCustomer && (card.customerPhone || card.customerName) ? (
                  <button type="button" className="archive-link" onClick={() => onCustomer(card.customerPhone, card.customerPhone ? '' : card.customerName)}>
                    {card.customerName || card.customerPhone}
                  </button>
                ) : (
                  card.customerName || say(W.nobody)
                )}
              </td>
              <td>{card.customerPhone || say(W.nobody)}</td>
              <td>{formatLocalDateTime(card.checkedInAt ?? card.createdAt)}</td>
              <td>{tabletWord(language, `status.${card.status}`)}</td>
              <td>{card.advisorName ?? say(W.nobody)}</td>
              <td className="number">{card.photoCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
