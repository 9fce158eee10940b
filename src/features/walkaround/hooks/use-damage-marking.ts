import { useCallback, useState } from 'react';
import { addDamage, updateDamage } from '../../../db/damage-repo.ts';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { DamageStage, DamageType, Severity, VehicleView } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { Spot } from '../components/VehicleDiagram.tsx';
import { runPhotoBatch } from '../photos/photo-batches.ts';

/**
 * The tap flow of marking damage on the diagram, shared by the check-in walk-around and the
 * handover. A tap only marks a pending spot; the damage is stored when the advisor taps one
 * choice of type and severity together ("划痕 · 中"), so no mark is ever saved with a type or a
 * severity nobody chose, and it costs one tap, not two (it used to store 轻 silently after the
 * type). That tap also opens the camera (NewDamagePanel), so a photographed mark is two taps.
 * A tap elsewhere while a spot is pending cancels it.
 */
export type MarkingMode = { kind: 'idle' } | { kind: 'pending'; spot: Spot; busy: boolean } | { kind: 'selected'; id: string; moving: boolean };

/** A mark of the other stage, tapped: each screen shows it without opening it for editing. */
export type ShownMark = { kind: string; id: string };

export const IDLE: MarkingMode = { kind: 'idle' };

/** The marking flow for marks of `stage`, with the save-failure banner both screens show. */
export function useDamageMarking<Shown extends ShownMark>(jobId: string, stage: DamageStage) {
  const { t } = useI18n();
  const [mode, setMode] = useState<MarkingMode | Shown>(IDLE);
  const [failure, setFailure] = useState<string | null>(null);
  const report = useCallback((e: unknown) => setFailure(t('save.failed', { reason: errorText(e) })), [t]);
  const save = useCallback((work: Promise<unknown>) => void work.then(() => setFailure(null), report), [report]);
  const marking = isMarking(mode) ? mode : IDLE;

  function tap(view: VehicleView, x: number, y: number) {
    if (marking.kind === 'selected' && marking.moving) {
      save(updateDamage(db, jobId, marking.id, { view, x, y }));
      setMode({ ...marking, moving: false });
    } else if (marking.kind === 'pending') {
      setMode(IDLE);
    } else {
      setMode({ kind: 'pending', spot: { view, x, y }, busy: false });
    }
  }

  /**
   * The one tap after the diagram's: type and severity together, stored at once. `photos` are
   * those of the camera the same tap opened (none if cancelled): they go on this mark once it is
   * stored, through the mark's own photo batch, so its editor shows their progress.
   */
  function chooseType(type: DamageType, severity: Severity, photos: Promise<File[]> = Promise.resolve([])) {
    if (marking.kind !== 'pending' || marking.busy) return;
    const { spot } = marking;
    setMode({ kind: 'pending', spot, busy: true });
    // Check-in marks are stored as they always were, without a stage.
    addDamage(db, jobId, { ...spot, type, severity, note: '', ...(stage === 'handover' ? { stage } : {}) }).then(
      (id) => {
        setFailure(null);
        setMode({ kind: 'selected', id, moving: false });
        void photos.then((files) => runPhotoBatch(jobId, files, { damageId: id, slot: null, annotatedFromId: null }));
      },
      (e: unknown) => {
        // The photos of a mark that could not be stored are dropped; the banner says why.
        report(e);
        setMode({ kind: 'pending', spot, busy: false });
      },
    );
  }

  return { mode, setMode, failure, report, save, tap, chooseType };
}

function isMarking(mode: MarkingMode | ShownMark): mode is MarkingMode {
  return mode.kind === 'idle' || mode.kind === 'pending' || mode.kind === 'selected';
}
