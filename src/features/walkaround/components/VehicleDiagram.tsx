import type { MouseEvent } from 'react';
import type { BodyStyle } from '../../../shared/job.ts';
import { isHandoverDamage, VEHICLE_VIEWS, type Damage, type VehicleView } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { DamageDot, markerLabel } from './DamageDot.tsx';
import { DiagramLegend } from './DiagramLegend.tsx';
import { Outline, VIEW_BOX } from '../../../ui/vehicle-outline/vehicle-outlines.tsx';
import '../previous-marks.css';

/** A spot on one view, in fractions of that view's box. */
export type Spot = { view: VehicleView; x: number; y: number };

/** A mark of the car's last visit still to confirm (上次记录), drawn hollow beside this visit's. */
export type PreviousMarker = Pick<Damage, 'id' | 'view' | 'x' | 'y' | 'type' | 'severity'>;

type VehicleDiagramProps = {
  body: BodyStyle;
  damages: Damage[];
  selectedId: string | null;
  /** The next tap places the selected mark instead of starting a new one. */
  moving: boolean;
  /** A tapped spot still waiting for its damage type. */
  pending?: Spot | null;
  onTap: (view: VehicleView, x: number, y: number) => void;
  onSelect: (id: string) => void;
  previous?: PreviousMarker[];
  onSelectPrevious?: (id: string) => void;
};

// What lies at the left and right end of each view box, shown small over it. The front and
// rear views face the viewer, so there the car's right side is on the viewer's left.
const ENDS: Record<VehicleView, [VehicleView, VehicleView]> = {
  top: ['front', 'rear'],
  left: ['front', 'rear'],
  right: ['rear', 'front'],
  front: ['right', 'left'],
  rear: ['left', 'right'],
};

/**
 * All five views at once. Markers sit at fractions of their view's box, and every box keeps
 * its drawing's aspect ratio, so a mark stays on the same spot of the car at any size.
 */
export function VehicleDiagram({ body, damages, selectedId, moving, pending = null, onTap, onSelect, previous = [], onSelectPrevious }: VehicleDiagramProps) {
  const { t } = useI18n();

  function tap(view: VehicleView, event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onTap(view, fraction((event.clientX - box.left) / box.width), fraction((event.clientY - box.top) / box.height));
  }

  return (
    <div className={`diagram${moving ? ' diagram-moving' : ''}`}>
      {VEHICLE_VIEWS.map((view) => {
        const { width, height } = VIEW_BOX[view];
        const [start, end] = ENDS[view];
        return (
          <div key={view} className={`diagram-cell diagram-cell-${view}`}>
            <div className="diagram-caption" aria-hidden="true">
              <span>{t(`view.${start}`)}</span>
              <strong>{t(`view.${view}`)}</strong>
              <span>{t(`view.${end}`)}</span>
            </div>
            <div
              role="group"
              aria-label={t('walkaround.diagram', { view: t(`view.${view}`) })}
              className="diagram-view"
              style={{ aspectRatio: `${width} / ${height}` }}
              onClick={(event) => tap(view, event)}
            >
              <Outline body={body} view={view} />
              {previous
                .filter((mark) => mark.view === view)
                .map((mark) => (
                  <button
                    key={mark.id}
                    type="button"
                    className="marker marker-previous"
                    style={{ left: `${mark.x * 100}%`, top: `${mark.y * 100}%` }}
                    aria-label={t('previous.marker', { mark: markerLabel(t, mark) })}
                    aria-pressed={mark.id === selectedId}
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelectPrevious?.(mark.id);
                    }}
                  >
                    <span className="damage-dot damage-dot-previous" aria-hidden="true">
                      {t(`damage.code.${mark.type}`)}
                    </span>
                  </button>
                ))}
              {damages
                .filter((damage) => damage.view === view)
                .map((damage) => (
                  <button
                    key={damage.id}
                    type="button"
                    className="marker"
                    style={{ left: `${damage.x * 100}%`, top: `${damage.y * 100}%` }}
                    aria-label={markerLabel(t, damage)}
                    aria-pressed={damage.id === selectedId}
                    onClick={(event) => {
                      // The view underneath would read this tap as a new mark.
                      event.stopPropagation();
                      onSelect(damage.id);
                    }}
                  >
                    <DamageDot damage={damage} />
                  </button>
                ))}
              {pending?.view === view && (
                <span className="marker marker-pending" style={{ left: `${pending.x * 100}%`, top: `${pending.y * 100}%` }} aria-hidden="true">
                  <span className="damage-dot">?</span>
                </span>
              )}
            </div>
          </div>
        );
      })}
      <DiagramLegend handover={damages.some(isHandoverDamage)} previous={previous.length > 0} />
    </div>
  );
}

/** Clamped to the box (a tap on its very edge can land a hair outside) and kept to 4 places. */
function fraction(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}
