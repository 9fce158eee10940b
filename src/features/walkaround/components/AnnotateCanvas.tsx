import { useCallback, useEffect, useRef, type PointerEvent } from 'react';
import {
  fitContain,
  isMeaningful,
  strokeWidthFor,
  toImagePoint,
  type AnnotationTool,
  type Stroke,
} from '../annotate-geometry.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { drawAnnotation } from './annotate-render.ts';

type AnnotateCanvasProps = {
  image: ImageBitmap;
  strokes: readonly Stroke[];
  tool: AnnotationTool;
  onStroke: (stroke: Stroke) => void;
  label: string;
  disabled: boolean;
};

/**
 * The photo on a canvas of its natural pixel size, shown scaled to fit, and the drawing of
 * one stroke at a time with Pointer Events (finger, pen or mouse). The stroke in progress
 * lives in a ref and is painted once per frame, so drawing never waits on a React render.
 */
export function AnnotateCanvas({ image, strokes, tool, onStroke, label, disabled }: AnnotateCanvasProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const draft = useRef<{ pointerId: number; stroke: Stroke } | null>(null);
  const frame = useRef<number | null>(null);
  const fitted = fitContain(image, useElementSize(boxRef));

  const redraw = useCallback(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const inProgress = draft.current?.stroke;
    drawAnnotation(ctx, image, inProgress ? [...strokes, inProgress] : strokes);
  }, [image, strokes]);
  useEffect(() => redraw(), [redraw]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const schedule = () => {
    frame.current ??= requestAnimationFrame(() => {
      frame.current = null;
      redraw();
    });
  };
  const toPoint = (event: PointerEvent<HTMLCanvasElement>) =>
    toImagePoint({ x: event.clientX, y: event.clientY }, event.currentTarget.getBoundingClientRect(), image);

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    // One stroke at a time: a palm or second finger on the glass does not start another.
    if (disabled || draft.current || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const point = toPoint(event);
    const stroke: Stroke = tool === 'freehand' ? { tool, points: [point] } : { tool, from: point, to: point };
    draft.current = { pointerId: event.pointerId, stroke };
    schedule();
  }

  function extend(event: PointerEvent<HTMLCanvasElement>): Stroke | null {
    const current = draft.current;
    if (!current || current.pointerId !== event.pointerId) return null;
    const point = toPoint(event);
    const { stroke } = current;
    // The stroke is still ours alone (not yet handed to onStroke), so it may grow in place.
    if (stroke.tool === 'freehand') stroke.points.push(point);
    else current.stroke = { ...stroke, to: point };
    return current.stroke;
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    if (extend(event)) schedule();
  }

  function onPointerUp(event: PointerEvent<HTMLCanvasElement>) {
    const stroke = extend(event);
    if (!stroke) return;
    draft.current = null;
    // A tap or a slip of the finger leaves nothing to undo.
    if (isMeaningful(stroke, strokeWidthFor(image) * 2)) onStroke(stroke);
    schedule();
  }

  function onPointerCancel(event: PointerEvent<HTMLCanvasElement>) {
    if (draft.current?.pointerId !== event.pointerId) return;
    draft.current = null;
    schedule();
  }

  return (
    <div ref={boxRef} className="annotate-stage">
      <canvas
        ref={canvasRef}
        className="annotate-canvas"
        role="img"
        aria-label={label}
        width={image.width}
        height={image.height}
        style={fitted.width > 0 ? { width: fitted.width, height: fitted.height } : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      />
    </div>
  );
}
