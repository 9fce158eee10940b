import { useEffect, useRef } from 'react';
import { DAMAGE_TYPES, type DamageType, type VehicleView } from '../../../shared/walkaround.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

type NewDamagePanelProps = {
  view: VehicleView;
  /** True while the mark is being written: a second tap must not make a second mark. */
  busy: boolean;
  onType: (type: DamageType) => void;
  onCancel: () => void;
};

/** After a tap on the diagram: which damage is it? Nothing is stored until a type is tapped. */
export function NewDamagePanel({ view, busy, onType, onCancel }: NewDamagePanelProps) {
  const { t } = useI18n();
  const panel = useRef<HTMLElement>(null);

  // In portrait the panel sits under the diagram; bring it into view if it starts off-screen.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <section ref={panel} className="damage-editor damage-editor-new" aria-label={t('damage.type')}>
      <fieldset className="group" disabled={busy}>
        <legend>
          {t('damage.type')} · {t(`view.${view}`)}
        </legend>
        <div className="chips chips-compact">
          {DAMAGE_TYPES.map((type) => (
            <Chip key={type} pressed={false} onToggle={() => onType(type)}>
              {t(`damage.type.${type}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <div className="toolbar damage-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('damage.cancel')}
        </button>
      </div>
    </section>
  );
}
