// What a tap on a mark does on the 环车检查 step. A check-in mark opens for editing (type,
// severity, note, photos, move, delete); a mark found at handover does not: it belongs to the
// handover record and is edited from the 交车 section, so here it is only shown where it is.
import { isHandoverDamage, type Damage } from '../../shared/walkaround.ts';
import type { Spot } from './components/VehicleDiagram.tsx';

/**
 * The tap flow. A tap on the diagram only marks a pending spot; the damage is stored when the
 * advisor taps its type, so no mark is ever saved with a type nobody chose. Severity is then
 * stored as 轻 and shown selected in the editor, one tap away from 中/重: most marks at the
 * desk are light scuffs, and asking a second question before saving would lose marks whenever
 * the advisor moves on after the type. A tap elsewhere while a spot is pending cancels it.
 * A mark found at handover is only shown ('handover'), never opened for editing.
 */
export type WalkaroundMode =
  | { kind: 'idle' }
  | { kind: 'pending'; spot: Spot; busy: boolean }
  | { kind: 'selected'; id: string; moving: boolean }
  | { kind: 'handover'; id: string };

/** The mode after the mark `id` was tapped, on the diagram or in the list. */
export function selectOnWalkaround(damages: readonly Damage[], id: string): WalkaroundMode {
  const damage = damages.find((d) => d.id === id);
  return damage && isHandoverDamage(damage) ? { kind: 'handover', id } : { kind: 'selected', id, moving: false };
}

/** The mark open for editing, if any: never one found at handover, whatever the mode says. */
export function editedOnWalkaround(damages: readonly Damage[], mode: WalkaroundMode): Damage | null {
  if (mode.kind !== 'selected') return null;
  return damages.find((d) => d.id === mode.id && !isHandoverDamage(d)) ?? null;
}
