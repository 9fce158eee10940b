// A vehicle's other cards: asked of the store's server when the tablet is connected and online
// (it knows every tablet's cards), together with this tablet's own, otherwise, or when the
// server cannot answer, this tablet's cards alone, saying which. Shared by the earlier-visits
// list and the returning car's 上次记录.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db/instance.ts';
import { earlierVisits } from '../../db/job-queries.ts';
import type { Job } from '../../shared/job.ts';
import { useOnline } from '../online.ts';
import { loadSyncEngine } from './engine.ts';
import { useTabletSession } from './use-sync-state.ts';

/** Where the list shown came from, so the advisor knows what it may be missing. */
export type VisitsSource = 'server' | 'tablet' | 'tablet-offline' | 'tablet-failed';

export type VehicleVisits = {
  jobs: Job[];
  /** Ids of the cards this tablet holds itself; the others were read from the server. */
  onTablet: ReadonlySet<string>;
  source: VisitsSource;
  asking: boolean;
};

type Asked = { key: string; jobs: Job[] | 'failed' };

// Several parts of one screen show the same car (covers and belongings share a step, the
// estimate and the walk-around follow): they share one answer of the server for a while
// instead of each asking it. A failed ask is forgotten, so the next one tries again.
const ANSWER_KEPT_MS = 30_000;
const answers = new Map<string, { at: number; jobs: Promise<Job[]> }>();

function askServer(plate: string, vin: string): Promise<Job[]> {
  const key = `${plate}|${vin}`;
  const kept = answers.get(key);
  if (kept && Date.now() - kept.at < ANSWER_KEPT_MS) return kept.jobs;
  const jobs = loadSyncEngine().then((engine) => engine.api.visits({ plate, vin }));
  answers.set(key, { at: Date.now(), jobs });
  jobs.catch(() => {
    if (answers.get(key)?.jobs === jobs) answers.delete(key);
  });
  return jobs;
}

export function useVehicleVisits(jobId: string, plate: string, vin: string): VehicleVisits | undefined {
  const online = useOnline();
  const enrolled = Boolean(useTabletSession()?.enrollment);
  const local = useLiveQuery(() => (plate || vin ? earlierVisits(db, { plate, vin }, jobId) : []), [jobId, plate, vin]);
  const key = `${plate}|${vin}`;
  const [asked, setAsked] = useState<Asked | null>(null);
  const ask = enrolled && online && Boolean(plate || vin);

  useEffect(() => {
    if (!ask) return;
    let current = true;
    askServer(plate, vin).then(
      (jobs) => current && setAsked({ key, jobs }),
      () => current && setAsked({ key, jobs: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [ask, key, plate, vin]);

  if (!local) return undefined;
  const onTablet = new Set(local.map((job) => job.id));
  const answer = asked?.key === key ? asked.jobs : undefined;
  if (ask && Array.isArray(answer)) {
    // This tablet's copy where it has one (its bytes are here; changes not sent yet are in it),
    // the server's for the cards only the server has.
    const others = answer.filter((job) => job.id !== jobId && !onTablet.has(job.id));
    return { jobs: [...local, ...others], onTablet, source: 'server', asking: false };
  }
  const source: VisitsSource = !enrolled ? 'tablet' : !online ? 'tablet-offline' : answer === 'failed' ? 'tablet-failed' : 'tablet';
  return { jobs: local, onTablet, source, asking: ask && answer === undefined };
}
