import { useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import {
  DOUBLE_TAP_ZOOM,
  NO_ZOOM,
  clampPan,
  distance,
  zoomAbout,
  type Point,
  type Size,
  type Zoom,
} from '../annotate-geometry.ts';

/** How far (CSS px) a finger may wander and still count as a tap, not a drag. */
const TAP_SLOP = 10;
const DOUBLE_TAP_MS = 300;
/** A horizontal drag this long at 1x turns the page, as in every phone's gallery. */
const SWIPE_MIN = 60;

type Gesture = { start: Point; moved: boolean; multi: boolean };
type StageEvent = PointerEvent<HTMLElement> | WheelEvent<HTMLElement>;

/** Pointer position relative to the stage's centre, the origin of the zoom transform. */
function local(event: StageEvent): Point {
  const rect = event.currentTarget.getBoundingClientRect();
  return { x: event.clientX - rect.left - rect.width / 2, y: event.clientY - rect.top - rect.height / 2 };
}

function stageSize(event: StageEvent): Size {
  const rect = event.currentTarget.getBoundingClientRect();
  return { width: rect.width, height: rect.height };
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Pinch-zoom and pan of one image with Pointer Events: two fingers zoom about their midpoint
 * and pan with it, one finger pans once zoomed (or swipes to the next photo at 1x), a double
 * tap toggles 1x / 2.5x. `fitted` is the image's on-screen size at 1x; the stage needs
 * `touch-action: none` so the browser leaves these gestures to us.
 */
export function usePinchZoom(fitted: Size, onSwipe?: (direction: 1 | -1) => void) {
  const [zoom, setZoom] = useState<Zoom>(NO_ZOOM);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const lastTap = useRef<{ at: number; point: Point } | null>(null);

  function onPointerDown(event: PointerEvent<HTMLElement>) {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const point = local(event);
    pointers.current.set(event.pointerId, point);
    if (pointers.current.size === 1) gesture.current = { start: point, moved: false, multi: false };
    else if (gesture.current) gesture.current.multi = true;
  }

  function onPointerMove(event: PointerEvent<HTMLElement>) {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    const point = local(event);
    const stage = stageSize(event);
    pointers.current.set(event.pointerId, point);
    if (gesture.current && distance(gesture.current.start, point) > TAP_SLOP) gesture.current.moved = true;

    const other = [...pointers.current].find(([id]) => id !== event.pointerId)?.[1];
    if (other) {
      const spread = distance(previous, other);
      const ratio = spread > 0 ? distance(point, other) / spread : 1;
      const before = midpoint(previous, other);
      const after = midpoint(point, other);
      setZoom((z) => {
        const scaled = zoomAbout(z, before, z.scale * ratio);
        return clampPan({ ...scaled, x: scaled.x + after.x - before.x, y: scaled.y + after.y - before.y }, fitted, stage);
      });
    } else {
      const dx = point.x - previous.x;
      const dy = point.y - previous.y;
      setZoom((z) => (z.scale > 1 ? clampPan({ ...z, x: z.x + dx, y: z.y + dy }, fitted, stage) : z));
    }
  }

  function onPointerUp(event: PointerEvent<HTMLElement>) {
    if (!pointers.current.delete(event.pointerId) || pointers.current.size > 0) return;
    const done = gesture.current;
    gesture.current = null;
    if (!done || done.multi) return;
    const point = local(event);
    if (!done.moved) {
      const last = lastTap.current;
      if (last && event.timeStamp - last.at < DOUBLE_TAP_MS && distance(last.point, point) < TAP_SLOP * 3) {
        lastTap.current = null;
        const stage = stageSize(event);
        setZoom((z) => (z.scale > 1 ? NO_ZOOM : clampPan(zoomAbout(z, point, DOUBLE_TAP_ZOOM), fitted, stage)));
      } else {
        lastTap.current = { at: event.timeStamp, point };
      }
      return;
    }
    const dx = point.x - done.start.x;
    const dy = point.y - done.start.y;
    if (zoom.scale === 1 && onSwipe && Math.abs(dx) > SWIPE_MIN && Math.abs(dx) > 2 * Math.abs(dy)) {
      onSwipe(dx < 0 ? 1 : -1);
    }
  }

  function onPointerCancel(event: PointerEvent<HTMLElement>) {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size === 0) gesture.current = null;
  }

  // A mouse wheel at the desk zooms about the cursor, as a pinch does about the fingers.
  function onWheel(event: WheelEvent<HTMLElement>) {
    const point = local(event);
    const stage = stageSize(event);
    const factor = Math.exp(-event.deltaY * 0.002);
    setZoom((z) => clampPan(zoomAbout(z, point, z.scale * factor), fitted, stage));
  }

  return { zoom, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onWheel } };
}
