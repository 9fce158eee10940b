import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateCard } from '../../../db/job-repo.ts';
import type { Job } from '../../../shared/job.ts';
import { live, type Photo, type PhotoSlot } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { BodyStyleToggle } from './BodyStyleToggle.tsx';
import { DamageEditor } from './DamageEditor.tsx';
import { DamageList } from './DamageList.tsx';
import { GeneralPhotos } from './GeneralPhotos.tsx';
import { NewDamagePanel } from './NewDamagePanel.tsx';
import { PhotoViewer } from './PhotoViewer.tsx';
import { StorageMeter } from './StorageMeter.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { IDLE, useDamageMarking } from '../hooks/use-damage-marking.ts';
import { usePreviousMarks } from '../hooks/use-previous-marks.ts';
import { editedOnWalkaround, selectOnWalkaround, type WalkaroundMode } from '../walkaround-selection.ts';
import { PreviousMarks } from './PreviousMarks.tsx';
import { VehicleDiagram } from './VehicleDiagram.tsx';
import '../walkaround-step.css';

type PhotoScope = { damageId: string } | { slot: PhotoSlot };

/** The 环车检查 step: the vehicle diagram with its damage marks, and the general photos. */
export function WalkaroundStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const { mode, setMode, failure, report, save, tap, chooseType } = useDamageMarking<Extract<WalkaroundMode, { kind: 'handover' }>>(job.id, 'checkin');
  const last = usePreviousMarks(job, { report, onConfirmed: (id) => setMode({ kind: 'selected', id, moving: false }) });
  const [viewer, setViewer] = useState<{ scope: PhotoScope; startId: string } | null>(null);

  const damages = live(job.damages);
  const photos = live(job.photos);
  // A mark deleted meanwhile (on this tablet or by sync) simply stops being selected.
  const selected = editedOnWalkaround(damages, mode);
  const moving = mode.kind === 'selected' && mode.moving;
  const photosOf = (scope: PhotoScope): Photo[] =>
    photos.filter((photo) => ('slot' in scope ? photo.slot === scope.slot : photo.damageId === scope.damageId));

  const select = (id: string) => {
    last.pick(null);
    setMode(selectOnWalkaround(damages, id));
  };
  const pickPrevious = (id: string) => {
    setMode(IDLE);
    last.pick(id);
  };
  const viewerPhotos = viewer ? photosOf(viewer.scope) : [];

  return (
    <div className="walkaround">
      {/* One row: the room above the fold goes to the diagram (walkaround-step.css). */}
      <div className="walkaround-head">
        <div className="walkaround-intro">
          <h3>{t('walkaround.title')}</h3>
          <p className="walkaround-hint">{t('walkaround.tapToMark')}</p>
        </div>
        <BodyStyleToggle
          value={job.card.vehicle.bodyStyle}
          onChange={(bodyStyle) => save(updateCard(db, job.id, { vehicle: { bodyStyle } }))}
        />
      </div>
      <div className="walkaround-work">
        {/* Above the diagram in portrait; in landscape beside it, under the panels of the next tap. */}
        <div className="walkaround-notes">
          {failure && (
            <p className="banner banner-error" role="alert">
              {failure}
            </p>
          )}
          <StorageMeter />
        </div>
        <VehicleDiagram
          body={job.card.vehicle.bodyStyle}
          damages={damages}
          selectedId={mode.kind === 'handover' ? mode.id : (selected?.id ?? last.selectedId)}
          moving={moving}
          pending={mode.kind === 'pending' ? mode.spot : null}
          onTap={(view, x, y) => {
            last.pick(null);
            tap(view, x, y);
          }}
          onSelect={select}
          previous={last.previous?.open.map((mark) => mark.damage) ?? []}
          onSelectPrevious={pickPrevious}
        />
        <div className="walkaround-side">
          {mode.kind === 'handover' && (
            <div className="banner banner-info" role="status">
              <p>{t('handover.damages.handoverMarkTapped')}</p>
              <button type="button" className="btn btn-large" onClick={() => navigate(`/jobs/${job.id}/handover`)}>
                {t('handover.damages.openHandover')}
              </button>
            </div>
          )}
          {mode.kind === 'pending' && (
            <NewDamagePanel view={mode.spot.view} busy={mode.busy} onType={chooseType} onCancel={() => setMode(IDLE)} />
          )}
          {selected?.previous && <span className="seen-last-time">{t('previous.seenLastTime')}</span>}
          {selected && (
            <DamageEditor
              jobId={job.id}
              damage={selected}
              photos={photosOf({ damageId: selected.id })}
              moving={moving}
              onMoveToggle={() => setMode({ kind: 'selected', id: selected.id, moving: !moving })}
              onDone={() => setMode(IDLE)}
              onOpenPhoto={(startId) => setViewer({ scope: { damageId: selected.id }, startId })}
              save={save}
            />
          )}
          {last.previous && (
            <PreviousMarks
              previous={last.previous}
              selectedId={last.selectedId}
              busy={last.busy}
              onConfirm={last.confirm}
              onClear={last.clear}
              onConfirmAll={last.confirmAll}
            />
          )}
        </div>
        <div className="walkaround-list">
          <DamageList
            damages={damages}
            photoCount={(id) => photosOf({ damageId: id }).length}
            selectedId={selected?.id ?? null}
            onSelect={select}
          />
        </div>
      </div>
      <GeneralPhotos jobId={job.id} photos={photos} onOpen={(slot, startId) => setViewer({ scope: { slot }, startId })} />
      {viewer && viewerPhotos.length > 0 && (
        <PhotoViewer jobId={job.id} photos={viewerPhotos} startId={viewer.startId} onClose={() => setViewer(null)} />
      )}
    </div>
  );
}
