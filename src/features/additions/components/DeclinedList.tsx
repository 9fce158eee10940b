import type { DecidedAddition } from '../../../shared/additions.ts';
import { lineAmounts } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { lineState, quantityText } from '../addition-input.ts';

/** 建议项目表: the work the customer declined, with the price quoted and the reason. */
export function DeclinedList({ lines }: { lines: DecidedAddition[] }) {
  const { t, language } = useI18n();
  return (
    <section className="group addition-declined" aria-labelledby="addition-declined-title">
      <h3 id="addition-declined-title">{t('addition.declined.title')}</h3>
      <p className="addition-lead">{t('addition.declined.lead')}</p>
      {lines.length === 0 ? (
        <p>{t('addition.declined.empty')}</p>
      ) : (
        <table className="addition-table">
          <thead>
            <tr>
              <th scope="col">{t('addition.description')}</th>
              <th scope="col">{t('addition.quantity')}</th>
              <th scope="col">{t('addition.amount')}</th>
              <th scope="col">{t('addition.customer.reason')}</th>
              <th scope="col">{t('addition.state.declined')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const { how } = lineState(line);
              return (
                <tr key={line.id}>
                  <th scope="row">{line.description}</th>
                  <td>{quantityText(line.quantityMilli)}</td>
                  <td>{formatFen(lineAmounts(line).netFen, language)}</td>
                  <td>{line.reason}</td>
                  <td>{how ? t(how.key, how.params) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
