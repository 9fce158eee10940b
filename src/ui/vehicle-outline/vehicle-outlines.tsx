// The vehicle diagram's line art: one <svg> per view and body style. Each view has its own
// viewBox, the same for both body styles, so a mark keeps its place when the style changes.
// Convention: the left side and plan views have the front on the LEFT; the right side view is
// the left one mirrored (front on the right), as seen standing at that side of the car.
import type { ReactNode } from 'react';
import type { BodyStyle } from '../../shared/job.ts';
import type { VehicleView } from '../../shared/walkaround.ts';
import { Mirrored } from './outline-parts.tsx';
import { SedanFront, SedanRear, SedanSide, SedanTop } from './sedan-outline.tsx';
import { SuvFront, SuvRear, SuvSide, SuvTop } from './suv-outline.tsx';

export const VIEW_BOX: Record<VehicleView, { width: number; height: number }> = {
  top: { width: 520, height: 200 },
  left: { width: 520, height: 190 },
  right: { width: 520, height: 190 },
  front: { width: 240, height: 190 },
  rear: { width: 240, height: 190 },
};

type Drawing = { side: () => ReactNode; top: () => ReactNode; front: () => ReactNode; rear: () => ReactNode };

const DRAWINGS: Record<BodyStyle, Drawing> = {
  sedan: { side: SedanSide, top: SedanTop, front: SedanFront, rear: SedanRear },
  suv: { side: SuvSide, top: SuvTop, front: SuvFront, rear: SuvRear },
};

type OutlineProps = { body: BodyStyle; view: VehicleView };

/** One view of the car as line art filling its box exactly (markers are placed in fractions of it). */
export function Outline({ body, view }: OutlineProps) {
  const { width, height } = VIEW_BOX[view];
  const drawing = DRAWINGS[body];
  const content =
    view === 'left' ? (
      drawing.side()
    ) : view === 'right' ? (
      <Mirrored width={width}>{drawing.side()}</Mirrored>
    ) : (
      drawing[view]()
    );
  return (
    <svg className="outline" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {content}
    </svg>
  );
}
