import { useCallback, useState } from 'react';
import { addDamage, updateDamage } from '../../../db/damage-repo.ts';
import { db } from '../../../db/instance.ts';
import { updateHandover } from '../../../db/work-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { Job } from '../../../shared/job.ts';
import { nowIso } from '../../../shared/local-time.ts';
import { isHandoverDamage, live, type DamageType, type Photo, type VehicleView } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { allUnchangedPatch, undoUnchangedPatch } from '../handover-checks.ts';
import { CheckinDamageChecks } from './CheckinDamageChecks.tsx';
import { DamageEditor } from './DamageEditor.tsx';
import { DamageList } from './DamageList.tsx';
import { NewDamagePanel } from './NewDamagePanel.tsx';
import { PhotoViewer } from './PhotoViewer.tsx';
import { VehicleDiagram, type Spot } from './VehicleDiagram.tsx';

// As on the walk-around: a tap marks a pending spot and the type's tap stores the mark, here
// as found at handover. A check-in mark tapped on the diagram is never opened for editing
// (it is what the customer signed): its row in the list is brought forward to be confirmed.
type Mode =
  | { kind: 'idle' }
  | { kind: 'pending'; spot: Spot; busy: boolean }
  | { kind: 'selected'; id: string; moving: boolean }
  | { kind: 'checkin'; id: string };

const IDLE: Mode = { kind: 'idle' };

/** 交车 body check: the check-in marks confirmed one by one or all at once, new damage marked apart. */
export function HandoverDamages({ job }: { job: Job }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>(IDLE);
  const [viewer, setViewer] = useState<{ damageId: string; startId: string; readOnly: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const report = useCallback((e: unknown) => setFailure(t('save.failed', { reason: errorText(e) })), [t]);
  const save = useCallback((work: Promise<unknown>) => void work.then(() => setFailure(null), report), [report]);

  const damages = live(job.damages);
  const checkinMarks = damages.filter((d) => !isHandoverDamage(d));
  const found = damages.filter(isHandoverDamage);
  const photos = live(job.photos);
  const photosOf = (damageId: string): Photo[] => photos.filter((photo) => photo.damageId === damageId);
  const selected = mode.kind === 'selected' ? (found.find((d) => d.id === mode.id) ?? null) : null;
  const moving = mode.kind === 'selected' && mode.moving;
  const checks = job.handover.damageChecks;

  function tap(view: VehicleView, x: number, y: number) {
    if (mode.kind === 'selected' && mode.moving) {
      save(updateDamage(db, job.id, mode.id, { view, x, y }));
      setMode({ ...mode, moving: false });
    } else if (mode.kind === 'pending') setMode(IDLE);
    else setMode({ kind: 'pending', spot: { view, x, y }, busy: false });
  }

  function chooseType(type: DamageType) {
    if (mode.kind !== 'pending' || mode.busy) return;
    const { spot } = mode;
    setMode({ kind: 'pending', spot, busy: true });
    addDamage(db, job.id, { ...spot, type, severity: 'minor', note: '', stage: 'handover' }).then(
      (id) => {
        setFailure(null);
        setMode({ kind: 'selected', id, moving: false });
      },
      (e: unknown) => {
        report(e);
        setMode({ kind: 'pending', spot, busy: false });
      },
    );
  }

  const select = (id: string) =>
    setMode(found.some((d) => d.id === id) ? { kind: 'selected', id, moving: false } : { kind: 'checkin', id });
  const all = allUnchangedPatch(checkinMarks, checks, nowIso());
  const viewerPhotos = viewer ? photosOf(viewer.damageId) : [];

  return (
    <div className="handover-damages walkaround">
      {failure && (
        <p className="banner banner-error" role="alert">
          {failure}
        </p>
      )}
      <CheckinDamageChecks
        marks={checkinMarks}
        checks={checks}
        photosOf={photosOf}
        selectedId={mode.kind === 'checkin' ? mode.id : null}
        onUnchanged={(id) => save(updateHandover(db, job.id, { damageChecks: { [id]: nowIso() } }))}
        onUndo={(id) => save(updateHandover(db, job.id, undoUnchangedPatch(id)))}
        onAllUnchanged={() => all && save(updateHandover(db, job.id, all))}
        onOpenPhoto={(damageId, startId) => setViewer({ damageId, startId, readOnly: true })}
      />
      <p className="walkaround-hint">{t('handover.damages.newHint')}</p>
      <div className="walkaround-work">
        <VehicleDiagram
          body={job.card.vehicle.bodyStyle}
          damages={damages}
          selectedId={mode.kind === 'selected' || mode.kind === 'checkin' ? mode.id : null}
          moving={moving}
          pending={mode.kind === 'pending' ? mode.spot : null}
          onTap={tap}
          onSelect={select}
        />
        <div className="walkaround-side">
          {mode.kind === 'checkin' && (
            <p className="banner banner-info" role="status">
              {t('handover.damages.checkinMarkTapped')}
            </p>
          )}
          {mode.kind === 'pending' && <NewDamagePanel view={mode.spot.view} busy={mode.busy} onType={chooseType} onCancel={() => setMode(IDLE)} />}
          {selected && (
            <DamageEditor
              jobId={job.id}
              damage={selected}
              photos={photosOf(selected.id)}
              moving={moving}
              onMoveToggle={() => setMode({ kind: 'selected', id: selected.id, moving: !moving })}
              onDone={() => setMode(IDLE)}
              onOpenPhoto={(startId) => setViewer({ damageId: selected.id, startId, readOnly: false })}
              save={save}
            />
          )}
          <div className="handover-found">
            <DamageList
              damages={found}
              photoCount={(id) => photosOf(id).length}
              selectedId={selected?.id ?? null}
              onSelect={select}
              heading={t('handover.damages.new', { count: found.length })}
              empty={t('handover.damages.newNone')}
            />
          </div>
        </div>
      </div>
      {viewer && viewerPhotos.length > 0 && (
        <PhotoViewer jobId={job.id} photos={viewerPhotos} startId={viewer.startId} readOnly={viewer.readOnly} onClose={() => setViewer(null)} />
      )}
    </div>
  );
}
