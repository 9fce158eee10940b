import { useCallback, useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import SignaturePad from 'signature_pad';
import type { Stroke } from '../../../shared/signature.ts';
import { canvasPng, toStrokes } from '../pad-data.ts';

export type PadSnapshot = { strokes: Stroke[]; pad: { width: number; height: number }; png: () => Promise<ArrayBuffer> };

export type SignaturePadControls = {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  strokeCount: number;
  clear: () => void;
  undo: () => void;
  /** The strokes and the pad's CSS size now, and the PNG on demand. */
  snapshot: () => PadSnapshot | null;
};

/**
 * signature_pad on a canvas that fills its box. The backing store is scaled by
 * devicePixelRatio so the ink is sharp; on a resize (the tablet turned, the keyboard opened)
 * the canvas is re-sized and the strokes drawn again from their data, never lost.
 */
export function useSignaturePad(onStrokeStart?: () => void): SignaturePadControls {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [strokeCount, setStrokeCount] = useState(0);
  const strokeStarted = useEffectEvent(() => onStrokeStart?.());

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Near-black ink, a little thicker than the default: legible on the printed copy. No
    // throttle: every sampled move is kept, so the stored strokes are the pen's real path
    // (the default 16 ms merges the moves of a 120 Hz screen or a fast automated stroke).
    const pad = new SignaturePad(canvas, { penColor: '#111827', minWidth: 1.5, maxWidth: 3.5, throttle: 0 });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const { width, height } = canvas.getBoundingClientRect();
      const w = Math.round(width * ratio);
      const h = Math.round(height * ratio);
      if (w === 0 || h === 0 || (canvas.width === w && canvas.height === h)) return;
      const data = pad.toData();
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.fromData(data);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const begin = () => strokeStarted();
    const end = () => setStrokeCount(pad.toData().length);
    pad.addEventListener('beginStroke', begin);
    pad.addEventListener('endStroke', end);
    return () => {
      observer.disconnect();
      pad.removeEventListener('beginStroke', begin);
      pad.removeEventListener('endStroke', end);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = useCallback(() => {
    padRef.current?.clear();
    setStrokeCount(0);
  }, []);

  const undo = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const data = [...pad.toData()];
    data.pop();
    pad.fromData(data);
    setStrokeCount(data.length);
  }, []);

  const snapshot = useCallback((): PadSnapshot | null => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return null;
    const { width, height } = canvas.getBoundingClientRect();
    return { strokes: toStrokes(pad.toData()), pad: { width, height }, png: () => canvasPng(canvas) };
  }, []);

  return { canvasRef, strokeCount, clear, undo, snapshot };
}
