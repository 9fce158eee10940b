import { useEffect, useRef } from 'react';
import { DAMAGE_TYPES, SEVERITIES, type DamageType, type Severity, type VehicleView } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { openCamera } from '../photos/open-camera.ts';
import '../damage-choice.css';

type NewDamagePanelProps = {
  view: VehicleView;
  /** True while the mark is being written: a second tap must not make a second mark. */
  busy: boolean;
  /** One tap names both the type and the severity seen on the car, and takes its photos. */
  onType: (type: DamageType, severity: Severity, photos: Promise<File[]>) => void;
  onCancel: () => void;
};

/**
 * After a tap on the diagram: which damage is it, and how bad? A grid of type × severity
 * ("划痕 · 中"), so one tap stores both and no severity is ever chosen for the advisor.
 * Nothing is stored until a cell is tapped; both can still be changed in the editor. The same
 * tap opens the camera: every mark should have its photo, and cancelling leaves the mark
 * without one (拍照 in the editor takes it later).
 */
export function NewDamagePanel({ view, busy, onType, onCancel }: NewDamagePanelProps) {
  const { t } = useI18n();
  const panel = useRef<HTMLElement>(null);
  // Synchronously in the tap's handler, before the mark is written: the browser opens a chooser
  // only while the tap's user activation lasts.
  const choose = (type: DamageType, severity: Severity) => {
    if (!busy) onType(type, severity, openCamera());
  };

  // In portrait the panel sits under the diagram: bring it into view (clear of the sticky bars,
  // see .damage-editor's scroll-margin) so the next tap is on screen.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <section ref={panel} className="damage-editor damage-editor-new damage-choice-new" aria-label={t('damage.type')}>
      <fieldset className="group" disabled={busy}>
        <legend>
          {t('damage.choose')} · {t(`view.${view}`)}
        </legend>
        <p className="damage-choice-hint">{t('damage.choose.camera')}</p>
        <div className="damage-choice-grid">
          {DAMAGE_TYPES.map((type) => (
            <ChoiceRow key={type} type={type} onChoose={choose} />
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

function ChoiceRow({ type, onChoose }: { type: DamageType; onChoose: (type: DamageType, severity: Severity) => void }) {
  const { t } = useI18n();
  const typeName = t(`damage.type.${type}`);
  return (
    <>
      <span className="damage-choice-type" aria-hidden="true">
        {typeName}
      </span>
      {SEVERITIES.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`damage-choice-cell severity-${severity}`}
          aria-label={t('damage.choice', { type: typeName, severity: t(`severity.${severity}`) })}
          onClick={() => onChoose(type, severity)}
        >
          {t(`severity.${severity}`)}
        </button>
      ))}
    </>
  );
}
