// Drawing primitives shared by the sedan and SUV outlines. All views are drawn at one scale
// (100 units = 1 m), so a stroke width in units looks the same in every view on screen.
import type { ReactNode } from 'react';

export const INK = '#2b313b';
export const INK_SOFT = '#7a8494';
export const GLASS = '#e4ebf3';
export const LAMP = '#fff4d1';
export const TYRE = '#d5dae2';

/** The body outline: the heaviest line, so the car's silhouette reads first. */
export function Body({ d }: { d: string }) {
  return <path d={d} fill="#fff" stroke={INK} strokeWidth={2.6} strokeLinejoin="round" />;
}

/** Panel gaps, creases and other detail: lighter so they never compete with the silhouette. */
export function Line({ d, dashed = false }: { d: string; dashed?: boolean }) {
  return (
    <path
      d={d}
      fill="none"
      stroke={INK_SOFT}
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      strokeDasharray={dashed ? '5 4' : undefined}
    />
  );
}

/** A closed detail shape (glass, lamp, grille, plate) with its own fill. */
export function Part({ d, fill = '#fff', strong = false }: { d: string; fill?: string; strong?: boolean }) {
  return <path d={d} fill={fill} stroke={strong ? INK : INK_SOFT} strokeWidth={strong ? 2 : 1.4} strokeLinejoin="round" />;
}

/** A wheel seen from the side: tyre, rim and five spokes. */
export function SideWheel({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  const rim = r * 0.64;
  const spokes = [0, 72, 144, 216, 288].map((deg) => {
    const a = ((deg - 90) * Math.PI) / 180;
    const inner = r * 0.16;
    return `M ${cx + inner * Math.cos(a)} ${cy + inner * Math.sin(a)} L ${cx + rim * Math.cos(a)} ${cy + rim * Math.sin(a)}`;
  });
  return (
    <g>
      <circle cx={cx} cy={cy} r={r} fill={TYRE} stroke={INK} strokeWidth={2.6} />
      <circle cx={cx} cy={cy} r={rim} fill="#fff" stroke={INK} strokeWidth={1.6} />
      <path d={spokes.join(' ')} stroke={INK_SOFT} strokeWidth={2.4} strokeLinecap="round" />
      <circle cx={cx} cy={cy} r={r * 0.13} fill="#fff" stroke={INK} strokeWidth={1.4} />
    </g>
  );
}

/** A tyre seen end-on (front and rear views). */
export function EndTyre({ x, y, w, h }: { x: number; y: number; w: number; h: number }) {
  return <rect x={x} y={y} width={w} height={h} rx={w * 0.3} fill={TYRE} stroke={INK} strokeWidth={2.2} />;
}

/** Mirrors a left-to-right drawing about the vertical centre line of a view. */
export function Mirrored({ width, children }: { width: number; children: ReactNode }) {
  return <g transform={`translate(${width} 0) scale(-1 1)`}>{children}</g>;
}
