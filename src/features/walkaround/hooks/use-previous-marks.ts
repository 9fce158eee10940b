// What the walk-around does with the last visit's marks (上次记录): which one is picked on the
// diagram, and confirming (one, or all at once) or clearing them through the repo, one
// transaction each, with the walk-around's save-failure banner when that fails.
import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { clearPreviousMark, confirmPreviousMarks } from '../../../db/previous-marks-repo.ts';
import type { Job } from '../../../shared/job.ts';
import { usePreviousVisit } from './use-previous-visit.ts';

type Options = {
  /** The marking flow's failure report. */
  report: (e: unknown) => void;
  /** A single mark confirmed becomes this visit's mark, opened for a fresh photo or an edit. */
  onConfirmed: (damageId: string) => void;
};

export function usePreviousMarks(job: Job, { report, onConfirmed }: Options) {
  const previous = usePreviousVisit(job);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = previous?.open ?? [];
  // A mark decided meanwhile (here or on another tablet) is simply no longer picked.
  const selectedId = open.some((mark) => mark.damage.id === picked) ? picked : null;

  function run<T>(work: (visit: Job) => Promise<T>, then?: (result: T) => void) {
    if (!previous || busy) return;
    setBusy(true);
    work(previous.visit)
      .then((result) => then?.(result), report)
      .finally(() => setBusy(false));
  }

  return {
    previous,
    selectedId,
    busy,
    pick: setPicked,
    confirm: (damageId: string) =>
      run(
        (visit) => confirmPreviousMarks(db, job.id, visit, [damageId]),
        ([id]) => id && onConfirmed(id),
      ),
    clear: (damageId: string) => run((visit) => clearPreviousMark(db, job.id, visit, damageId)),
    confirmAll: () => run((visit) => confirmPreviousMarks(db, job.id, visit)),
  };
}
