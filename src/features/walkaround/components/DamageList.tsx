import { useId } from 'react';
import { isHandoverDamage, type Damage } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { DamageDot } from './DamageDot.tsx';
import '../damage-choice.css';

type DamageListProps = {
  /** Live marks, oldest first. */
  damages: Damage[];
  photoCount: (damageId: string) => number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Another heading and empty text, e.g. for the marks found at handover. */
  heading?: string;
  empty?: string;
};

/** Every mark as a row, for the advisor reading the card back to the customer. */
export function DamageList({ damages, photoCount, selectedId, onSelect, heading, empty }: DamageListProps) {
  const { t } = useI18n();
  const headingId = useId();
  // A severity nobody chose is flagged here and again before the customer signs (handOverFlags).
  const unset = damages.filter((damage) => damage.severity === null).length;
  return (
    <section className="damage-list" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading ?? t('damage.list', { count: damages.length })}</h3>
      {unset > 0 && (
        <p className="banner damage-flag damage-flags" role="status">
          {t('damage.severityUnset.count', { count: unset })}
        </p>
      )}
      {damages.length === 0 ? (
        <p className="empty">{empty ?? t('damage.none')}</p>
      ) : (
        <ol className="damage-rows">
          {damages.map((damage) => {
            const photos = photoCount(damage.id);
            return (
              <li key={damage.id}>
                <button
                  type="button"
                  className={damage.severity === null ? 'damage-row damage-row-unset' : 'damage-row'}
                  aria-pressed={damage.id === selectedId}
                  onClick={() => onSelect(damage.id)}
                >
                  <DamageDot damage={damage} />
                  <span className="damage-row-text">
                    <strong>
                      {t(`damage.type.${damage.type}`)} · {t(`severity.${damage.severity ?? 'unset'}`)} · {t(`view.${damage.view}`)}
                    </strong>
                    {damage.severity === null && <span className="damage-flag">{t('damage.severityUnset')}</span>}
                    {isHandoverDamage(damage) && <span className="damage-stage-badge">{t('handover.damage.badge')}</span>}
                    {damage.note && <span className="damage-row-note">{damage.note}</span>}
                  </span>
                  {photos > 0 && <span className="damage-row-photos">{t('photos.count', { count: photos })}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
