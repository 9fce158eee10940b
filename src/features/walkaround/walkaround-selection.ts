// What a tap on a mark does on the 环车检查 step. A check-in mark opens for editing (type,
// severity, note, photos, move, delete); a mark found at handover does not: it belongs to the
// handover record and is edited from the 交车 section, so here it is only shown where it is.
import { isHandoverDamage, type Damage } from '../../shared/walkaround.ts';
import type { MarkingMode } from './hooks/use-damage-marking.ts';

/** The marking flow (use-damage-marking.ts), plus a mark found at handover, only shown. */
export type WalkaroundMode = MarkingMode | { kind: 'handover'; id: string };

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
