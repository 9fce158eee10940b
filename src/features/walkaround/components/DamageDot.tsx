import { isHandoverDamage, type Damage } from '../../../shared/walkaround.ts';
import { useI18n, type Translate } from '../../../ui/i18n.tsx';
import '../damage-choice.css';
import '../handover-marks.css';

/**
 * The circle a mark shows: the type's short code, coloured by severity (yellow, orange, red).
 * A mark found at handover is a square with a violet ring, never mistaken for a check-in one.
 * A severity nobody chose (null) is white with a dashed ring: flagged, never shown as 轻.
 */
export function DamageDot({ damage }: { damage: Pick<Damage, 'type' | 'severity' | 'stage'> }) {
  const { t } = useI18n();
  const stage = isHandoverDamage(damage) ? ' damage-dot-handover' : '';
  return (
    <span className={`damage-dot severity-${damage.severity ?? 'unset'}${stage}`} aria-hidden="true">
      {t(`damage.code.${damage.type}`)}
    </span>
  );
}

/** "划痕（轻），左侧": how a mark is named to the advisor, a screen reader and a test. */
export function markerLabel(t: Translate, damage: Pick<Damage, 'type' | 'severity' | 'view' | 'stage'>): string {
  const mark = t('damage.marker', {
    type: t(`damage.type.${damage.type}`),
    severity: t(`severity.${damage.severity ?? 'unset'}`),
    view: t(`view.${damage.view}`),
  });
  return isHandoverDamage(damage) ? t('handover.damage.marker', { mark }) : mark;
}
