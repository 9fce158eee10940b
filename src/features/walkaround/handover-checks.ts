// The check-in marks seen again at handover: which are still to confirm, the one patch that
// confirms them all ("全部无变化", a tap is one mutation however many marks there are), and the
// patch that takes one confirmation back (撤销). A confirmation taken back is stored as null,
// which means "not confirmed" everywhere, as a mark never ticked.
import type { Handover, HandoverPatch } from '../../shared/handover.ts';
import type { Damage } from '../../shared/walkaround.ts';

/** When the mark was confirmed unchanged, or null while it is not (never, or taken back). */
export function confirmedAt(checks: Handover['damageChecks'], markId: string): string | null {
  return checks[markId] ?? null;
}

/** The check-in marks not confirmed unchanged, in the order given. */
export function uncheckedMarks(marks: readonly Damage[], checks: Handover['damageChecks']): Damage[] {
  return marks.filter((mark) => confirmedAt(checks, mark.id) === null);
}

/** Confirms every mark not yet confirmed, at `at`; an earlier confirmation keeps its own time. */
export function allUnchangedPatch(marks: readonly Damage[], checks: Handover['damageChecks'], at: string): HandoverPatch | null {
  const open = uncheckedMarks(marks, checks);
  if (open.length === 0) return null;
  return { damageChecks: Object.fromEntries(open.map((mark) => [mark.id, at])) };
}

/** Takes back the confirmation of one mark: tapped by mistake, or the customer disagrees. */
export function undoUnchangedPatch(markId: string): HandoverPatch {
  return { damageChecks: { [markId]: null } };
}
