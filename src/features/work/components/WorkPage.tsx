import type { ReactNode } from 'react';
import type { Job } from '../../../shared/job.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { WORK_SECTIONS, type WorkSection } from '../sections.ts';

/** Sections other features render, given the live job and the hand-over to customer mode. */
export type ExternalSections = Partial<Record<WorkSection, (job: Job, handOver: (kind: SignatureKind) => void) => ReactNode>>;

type WorkPageProps = { job: Job; section: WorkSection; sections: ExternalSections; handOver: (kind: SignatureKind) => void };

/** A card after check-in: one section at a time, with the tabs to the others. */
export function WorkPage({ job, section, sections, handOver }: WorkPageProps) {
  const { t } = useI18n();
  const render = sections[section];
  return (
    <main className="page work-page">
      <nav className="work-tabs" aria-label={job.number}>
        {WORK_SECTIONS.map((s) => (
          <button key={s} type="button" className="btn" aria-current={s === section ? 'page' : undefined} onClick={() => navigate(`/jobs/${job.id}/${s}`)}>
            {s}
          </button>
        ))}
      </nav>
      {render ? render(job, handOver) : <p>{t(`status.${job.status}`)}</p>}
    </main>
  );
}
