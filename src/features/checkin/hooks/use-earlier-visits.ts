// Earlier visits of the vehicle on the card: asked of the store's server when the tablet is
// connected and online (it knows every tablet's cards), otherwise, or when the server cannot
// answer, read from this tablet's own cards, saying which.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { earlierVisits } from '../../../db/job-queries.ts';
import type { Job } from '../../../shared/job.ts';
import { useOnline } from '../../../ui/online.ts';
import { loadSyncEngine } from '../../../ui/sync/engine.ts';
import { useTabletSession } from '../../../ui/sync/use-sync-state.ts';
import { visitRows, type VisitRow, type VisitsSource } from '../earlier-visits.ts';

type Asked = { key: string; jobs: Job[] | 'failed' };

export type EarlierVisits = { rows: VisitRow[]; source: VisitsSource; asking: boolean };

export function useEarlierVisits(jobId: string, plate: string, vin: string): EarlierVisits | undefined {
  const online = useOnline();
  const enrolled = Boolean(useTabletSession()?.enrollment);
  const local = useLiveQuery(() => (plate || vin ? earlierVisits(db, { plate, vin }, jobId) : []), [jobId, plate, vin]);
  const key = `${plate}|${vin}`;
  const [asked, setAsked] = useState<Asked | null>(null);
  const ask = enrolled && online && Boolean(plate || vin);

  useEffect(() => {
    if (!ask) return;
    let current = true;
    loadSyncEngine()
      .then((engine) => engine.api.visits({ plate, vin }))
      .then(
        (jobs) => current && setAsked({ key, jobs }),
        () => current && setAsked({ key, jobs: 'failed' }),
      );
    return () => {
      current = false;
    };
  }, [ask, key, plate, vin]);

  const answer = asked?.key === key ? asked.jobs : undefined;
  if (ask && Array.isArray(answer)) {
    // Cards of this tablet the server has not received yet belong in the list too.
    const unsent = (local ?? []).filter((mine) => !answer.some((job) => job.id === mine.id));
    return { rows: visitRows([...answer, ...unsent], jobId), source: 'server', asking: false };
  }
  if (!local) return undefined;
  const source: VisitsSource = !enrolled ? 'tablet' : !online ? 'tablet-offline' : answer === 'failed' ? 'tablet-failed' : 'tablet';
  return { rows: visitRows(local, jobId), source, asking: ask && answer === undefined };
}
