import type { Job } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';

/** The 环车检查 step: placeholder until the diagram and photos land. */
export function WalkaroundStep({ job }: { job: Job }) {
  const { t } = useI18n();
  return <p>{t('walkaround.tapToMark')} ({Object.keys(job.damages).length})</p>;
}
