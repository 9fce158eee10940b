// The check-in marks seen again at handover: which are still to confirm, and the one patch
// that confirms them all ("全部无变化"), so a tap is one mutation however many marks there are.
import type { Handover, HandoverPatch } from '../../shared/handover.ts';
import type { Damage } from '../../shared/walkaround.ts';

/** The check-in marks not yet confirmed unchanged, in the order given. */
export function uncheckedMarks(marks: readonly Damage[], checks: Handover['damageChecks']): Damage[] {
  return marks.filter((mark) => checks[mark.id] === undefined);
}

/** Confirms every mark not yet confirmed, at `at`; an earlier confirmation keeps its own time. */
export function allUnchangedPatch(marks: readonly Damage[], checks: Handover['damageChecks'], at: string): HandoverPatch | null {
  const open = uncheckedMarks(marks, checks);
  if (open.length === 0) return null;
  return { damageChecks: Object.fromEntries(open.map((mark) => [mark.id, at])) };
}
