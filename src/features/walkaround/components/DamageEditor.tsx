import { useEffect, useRef } from 'react';
import { db } from '../../../db/instance.ts';
import { removeDamage, updateDamage } from '../../../db/damage-repo.ts';
import { DAMAGE_TYPES, SEVERITIES, type Damage, type Photo } from '../../../shared/walkaround.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { DamageDot, markerLabel } from './DamageDot.tsx';
import { DamageNote } from './DamageNote.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';

type DamageEditorProps = {
  jobId: string;
  damage: Damage;
  /** Live photos of this damage. */
  photos: Photo[];
  moving: boolean;
  onMoveToggle: () => void;
  onDone: () => void;
  onOpenPhoto: (photoId: string) => void;
  /** Runs a write and shows its failure; the mark on screen follows the stored job. */
  save: (work: Promise<unknown>) => void;
};

/** Type, severity, note and photos of the selected mark; every tap is saved at once. */
export function DamageEditor({ jobId, damage, photos, moving, onMoveToggle, onDone, onOpenPhoto, save }: DamageEditorProps) {
  const { t } = useI18n();
  const label = markerLabel(t, damage);
  const editor = useRef<HTMLElement>(null);
  // In portrait the editor sits under the diagram: bring each newly selected mark's editor into
  // view (photo and note are the next taps); in landscape it is already beside the diagram.
  useEffect(() => {
    editor.current?.scrollIntoView?.({ block: 'nearest' });
  }, [damage.id]);
  return (
    <section ref={editor} className="damage-editor" aria-label={t('damage.edit')}>
      <header className="damage-editor-header">
        <DamageDot damage={damage} />
        <h3>{label}</h3>
      </header>
      <fieldset className="group">
        <legend>{t('damage.type')}</legend>
        <div className="chips chips-compact">
          {DAMAGE_TYPES.map((type) => (
            <Chip
              key={type}
              pressed={damage.type === type}
              onToggle={() => type !== damage.type && save(updateDamage(db, jobId, damage.id, { type }))}
            >
              {t(`damage.type.${type}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{t('damage.severity')}</legend>
        {damage.severity === null && <p className="damage-flag">{t('damage.severityUnset')}</p>}
        <div className="chips chips-compact">
          {SEVERITIES.map((severity) => (
            <Chip
              key={severity}
              pressed={damage.severity === severity}
              onToggle={() => severity !== damage.severity && save(updateDamage(db, jobId, damage.id, { severity }))}
            >
              <span className={`legend-swatch severity-${severity}`} aria-hidden="true" /> {t(`severity.${severity}`)}
            </Chip>
          ))}
        </div>
      </fieldset>
      {/* Keyed by mark: switching marks must not carry one mark's typing into another. */}
      <DamageNote key={damage.id} jobId={jobId} damage={damage} save={save} />
      <section className="damage-photos" aria-label={t('damage.photos')}>
        <h4>{t('damage.photos')}</h4>
        <PhotoStrip photos={photos} onOpen={onOpenPhoto} />
        <PhotoPicker jobId={jobId} damageId={damage.id} label={label} />
      </section>
      {moving && (
        <p className="banner banner-info" role="status">
          {t('damage.moveHint')}
        </p>
      )}
      <div className="toolbar damage-actions">
        <button type="button" className="btn" aria-pressed={moving} onClick={onMoveToggle}>
          {t('damage.move')}
        </button>
        <button
          type="button"
          className="btn damage-delete"
          onClick={() => {
            save(removeDamage(db, jobId, damage.id));
            onDone();
          }}
        >
          {t('damage.delete')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t('damage.done')}
        </button>
      </div>
    </section>
  );
}
