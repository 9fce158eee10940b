import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/instance.ts';
import { copyAdvisorName } from '../../db/advisor-repo.ts';
import { getJob } from '../../db/job-queries.ts';
import { getStoreProfile } from '../../db/store-profile.ts';
import { VehicleDiagram } from '../../features/walkaround/components/VehicleDiagram.tsx';
import { handoverDamages } from '../../shared/signed-content.ts';
import { live } from '../../shared/walkaround.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { navigate } from '../../ui/navigation.ts';
import { PrintCheckIn } from './PrintCheckIn.tsx';
import { PrintEstimate } from './PrintEstimate.tsx';
import { PrintHandover } from './PrintHandover.tsx';
import { PrintSignatures } from './PrintSignatures.tsx';
import { PrintStoreHeader } from './PrintStoreHeader.tsx';
import './print-store.css';

const noop = () => undefined;
/** How long the copy may wait for its images before it prints without the missing ones. */
const IMAGES_WAIT_MS = 3000;

/** Every signature box holds its image and every image has loaded (or the wait is over). */
function imagesDrawn(waitMs: number): Promise<void> {
  const drawn = () =>
    [...document.querySelectorAll('.print-page .signature-image')].every((box) => box.querySelector('img')) &&
    [...document.querySelectorAll<HTMLImageElement>('.print-page img')].every((img) => img.complete);
  const until = Date.now() + waitMs;
  return new Promise((resolve) => {
    const check = () => (drawn() || Date.now() > until ? resolve() : setTimeout(check, 50));
    check();
  });
}

/**
 * The customer's copy (一联客户留存), laid out for A4: the check-in sheet with its damage
 * diagram, the marks found at handover on a diagram of their own, the estimate and the
 * signatures with their time. The browser's print dialog prints it or saves it as PDF;
 * everything on it comes from this tablet, offline.
 */
export function PrintPage({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const job = useLiveQuery(async () => (await getJob(db, jobId)) ?? null, [jobId]);
  const store = useLiveQuery(() => getStoreProfile(db), []);
  // The advisor who checked the car in (or, for a card that does not say, the one signed in here).
  const advisorName = useLiveQuery(async () => {
    const stored = await getJob(db, jobId);
    return stored ? copyAdvisorName(db, stored) : null;
  }, [jobId]);

  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);

  // 打印客户联 on the card opens the dialog at once (?print=1), once, when the copy is drawn
  // with its images (the signatures load from IndexedDB after the text): the query goes just
  // before, so a reload or the back button shows the copy without printing it again.
  const ready = job !== undefined && job !== null && store !== undefined && advisorName !== undefined;
  useEffect(() => {
    if (!ready || new URLSearchParams(location.search).get('print') !== '1') return;
    let current = true;
    void imagesDrawn(IMAGES_WAIT_MS).then(() => {
      if (!current) return;
      history.replaceState(history.state, '', location.pathname);
      window.print();
    });
    return () => {
      current = false;
    };
  }, [ready]);

  if (job === undefined || store === undefined || advisorName === undefined) return <main className="print-page" aria-busy="true" />;
  if (job === null)
    return (
      <main className="print-page">
        <p className="banner banner-error" role="alert">
          {t('jobs.noMatch')}
        </p>
      </main>
    );

  const found = handoverDamages(job);
  return (
    <main className="print-page">
      <div className="print-actions">
        <button type="button" className="btn" onClick={() => navigate(`/jobs/${job.id}/signing`)}>
          ‹ {t('app.back')}
        </button>
        <button type="button" className="btn btn-primary btn-large" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <PrintStoreHeader store={store} jobNumber={job.number} advisorName={advisorName} />
      <PrintCheckIn job={job} />
      {found.length > 0 && (
        // The car at handover: the check-in marks again with the new ones beside them, drawn
        // apart (square, violet ring) and named by the diagram's legend.
        <section className="print-section print-diagram">
          <h2>{t('handover.damages.new', { count: found.length })}</h2>
          <VehicleDiagram body={job.card.vehicle.bodyStyle} damages={live(job.damages)} selectedId={null} moving={false} onTap={noop} onSelect={noop} />
        </section>
      )}
      <PrintEstimate job={job} />
      <PrintHandover job={job} />
      <PrintSignatures job={job} />
    </main>
  );
}
