import { useLiveQuery } from 'dexie-react-hooks';
import { advisorNames } from '../../../db/advisor-repo.ts';
import { db } from '../../../db/instance.ts';
import type { Job } from '../../../shared/job.ts';
import { qcBlocks } from '../../../shared/quality-check.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { shownQcItems } from '../handover-rules.ts';
import { useSave } from '../use-save.ts';
import { SaveFailure } from './SaveFailure.tsx';
import { QcItemRow } from './QcItemRow.tsx';
import { QcOverride } from './QcOverride.tsx';
import '../handover.css';

type QualityCheckPanelProps = { job: Job; onHandOver: (kind: SignatureKind) => void };

/** 质检: the short checklist before 待交车, what still blocks it, and the release with a reason. */
export function QualityCheckPanel({ job }: QualityCheckPanelProps) {
  const { t } = useI18n();
  const { failure, save } = useSave();
  const names = useLiveQuery(() => advisorNames(db), []);
  const qc = job.qualityCheck;
  const blocks = qcBlocks(qc, job.estimate.carWash);
  // A standalone tablet has no advisors: its changes carry no id.
  const who = (advisorId: string | null) => (advisorId && names?.get(advisorId)) || t('qc.thisTablet');

  return (
    <section className="qc" aria-labelledby="qc-title">
      <h2 id="qc-title">{t('qc.title')}</h2>
      <p className="handover-hint">{t('qc.hint')}</p>
      <SaveFailure failure={failure} />
      <ol className="qc-items">
        {shownQcItems(qc, job.estimate.carWash).map((item) => (
          <QcItemRow key={item} jobId={job.id} item={item} carWash={job.estimate.carWash} check={qc.items[item]} who={who} save={save} />
        ))}
      </ol>
      {blocks.length === 0 ? (
        <p className="banner banner-ok" role="status">
          {t('qc.passed')}
        </p>
      ) : (
        <>
          <div className="banner banner-error qc-blocks" role="status">
            <p>{t('qc.blocked')}</p>
            <ul>
              {blocks.map((block) => (
                <li key={block.item}>{t(`qc.block.${block.why}`, { item: t(`qc.item.${block.item}`) })}</li>
              ))}
            </ul>
          </div>
          <QcOverride jobId={job.id} override={qc.override} who={who} save={save} />
        </>
      )}
    </section>
  );
}
