import { useEffect, useState } from 'react';
import { addLine, removeLine } from '../../../db/estimate-repo.ts';
import { db } from '../../../db/instance.ts';
import type { EstimateLine, LineFields } from '../../../shared/estimate.ts';

/** How long the undo stays on screen: long enough to read and reach with a thumb. */
export const UNDO_MS = 8000;

/**
 * Deletes a line (a tombstone) and offers to undo it for UNDO_MS. There is no restore
 * operation for lines, so undo adds the same fields again as a new line: the customer sees
 * the same item and amount, the history keeps the deleted one, and the only visible
 * difference is that the line moves to the end of its group (lines sort by id). We chose
 * this over a confirmation dialog because deletes at the desk are usually deliberate and a
 * dialog on every one slows the advisor more than a rare re-add costs.
 */
export function useLineUndo(jobId: string, report: (e: unknown) => void) {
  const [removed, setRemoved] = useState<EstimateLine | null>(null);

  useEffect(() => {
    if (removed === null) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  async function remove(line: EstimateLine): Promise<void> {
    setRemoved(line);
    try {
      await removeLine(db, jobId, line.id);
    } catch (e) {
      setRemoved(null);
      report(e);
    }
  }

  async function undo(): Promise<void> {
    if (removed === null) return;
    const { kind, code, description, quantityMilli, unitPriceFen, discountBp } = removed;
    const fields: LineFields = { kind, code, description, quantityMilli, unitPriceFen, discountBp };
    setRemoved(null);
    try {
      await addLine(db, jobId, fields);
    } catch (e) {
      report(e);
    }
  }

  return { removed, remove, undo, dismiss: () => setRemoved(null) };
}
