import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateHandover } from '../../../db/work-repo.ts';
import type { Job } from '../../../shared/job.ts';
import { nowIso } from '../../../shared/local-time.ts';
import { isHandoverDamage, live, type Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { IDLE, useDamageMarking } from '../hooks/use-damage-marking.ts';
import { allUnchangedPatch, undoUnchangedPatch } from '../handover-checks.ts';
import { CheckinDamageChecks } from './CheckinDamageChecks.tsx';
import { DamageEditor } from './DamageEditor.tsx';
import { DamageList } from './DamageList.tsx';
import { NewDamagePanel } from './NewDamagePanel.tsx';
import { PhotoViewer } from './PhotoViewer.tsx';
import { VehicleDiagram } from './VehicleDiagram.tsx';

// As on the walk-around (use-damage-marking.ts), here marks found at handover. A check-in mark
// tapped on the diagram is never opened for editing (it is what the customer signed): its row
// in the list is brought forward to be confirmed.
type CheckinMarkTapped = { kind: 'checkin'; id: string };

/** 交车 body check: the check-in marks confirmed one by one or all at once, new damage marked apart. */
export function HandoverDamages({ job }: { job: Job }) {
  const { t } = useI18n();
  const { mode, setMode, failure, save, tap, chooseType } = useDamageMarking<CheckinMarkTapped>(job.id, 'handover');
  const [viewer, setViewer] = useState<{ damageId: string; startId: string; readOnly: boolean } | null>(null);

  const damages = live(job.damages);
  const checkinMarks = damages.filter((d) => !isHandoverDamage(d));
  const found = damages.filter(isHandoverDamage);
  const photos = live(job.photos);
  const photosOf = (damageId: string): Photo[] => photos.filter((photo) => photo.damageId === damageId);
  const selected = mode.kind === 'selected' ? (found.find((d) => d.id === mode.id) ?? null) : null;
  const moving = mode.kind === 'selected' && mode.moving;
  const checks = job.handover.damageChecks;

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
