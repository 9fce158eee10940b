import type { Damage } from '../../../shared/walkaround.ts';
import { useI18n, type Translate } from '../../../ui/i18n.tsx';

/** The circle a mark shows: the type's short code, coloured by severity (yellow, orange, red). */
export function DamageDot({ damage }: { damage: Pick<Damage, 'type' | 'severity'> }) {
  const { t } = useI18n();
  return (
    <span className={`damage-dot severity-${damage.severity}`} aria-hidden="true">
      {t(`damage.code.${damage.type}`)}
    </span>
  );
}

/** "划痕（轻），左侧": how a mark is named to the advisor, a screen reader and a test. */
export function markerLabel(t: Translate, damage: Pick<Damage, 'type' | 'severity' | 'view'>): string {
  return t('damage.marker', {
    type: t(`damage.type.${damage.type}`),
    severity: t(`severity.${damage.severity}`),
    view: t(`view.${damage.view}`),
  });
}
