import { DAMAGE_TYPES, SEVERITIES } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';

/**
 * The key to the marker codes and colours, for the customer reading the diagram. Hidden from
 * screen readers: every marker already says its type and severity in full.
 */
export function DiagramLegend({ handover = false, previous = false }: { handover?: boolean; previous?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="diagram-cell diagram-legend" aria-hidden="true">
      <ul className="legend-types">
        {DAMAGE_TYPES.map((type) => (
          <li key={type}>
            <span className="legend-code">{t(`damage.code.${type}`)}</span>
            {t(`damage.type.${type}`)}
          </li>
        ))}
      </ul>
      <ul className="legend-severities">
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <span className={`legend-swatch severity-${severity}`} />
            {t(`severity.${severity}`)}
          </li>
        ))}
      </ul>
      {handover && (
        <p className="legend-handover">
          <span className="legend-code damage-dot-handover" />
          {t('handover.legend')}
        </p>
      )}
      {previous && (
        <p className="legend-previous">
          <span className="legend-code damage-dot-previous" />
          {t('previous.legend')}
        </p>
      )}
    </div>
  );
}
