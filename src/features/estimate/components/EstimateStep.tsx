import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { addLine, addLines, removeLines, updateEstimate, updateLine } from '../../../db/estimate-repo.ts';
import { db } from '../../../db/instance.ts';
import { getStoreProfile } from '../../../db/store-profile.ts';
import { errorText } from '../../../shared/error-text.ts';
import { agreedTotals, approvedAdditions, type DecidedAddition } from '../../../shared/additions.ts';
import { LINE_KINDS, estimateTotals, lineAmounts, type LineFields } from '../../../shared/estimate.ts';
import { unsetEstimateTerms } from '../../../shared/hand-over-checks.ts';
import type { Job } from '../../../shared/job.ts';
import { formatFen } from '../../../shared/money.ts';
import { live } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useCatalogue } from '../hooks/use-catalogue.ts';
import { useLastEstimate } from '../hooks/use-last-estimate.ts';
import { useLineUndo } from '../hooks/use-line-undo.ts';
import { fillEmptyTerms } from '../store-defaults.ts';
import { CatalogueImport } from './CatalogueImport.tsx';
import { CataloguePicker } from './CataloguePicker.tsx';
import { EstimateTerms, UnsetTerms } from './EstimateTerms.tsx';
import { LineGroup } from './LineGroup.tsx';
import { RepeatLastLines } from './RepeatLastLines.tsx';
import { TotalsBox } from './TotalsBox.tsx';
import { UndoSnackbar } from './UndoSnackbar.tsx';

type EstimateStepProps = {
  job: Job;
  /** What ends the step: the app passes the signing step's hand-over, so it is not a step away. */
  handOver?: ReactNode;
};

/**
 * The 估价单 / 任务委托书 step: a returning car's last lines in one tap, lines picked from
 * the catalogue or typed free, the totals, and the terms. Every change is its own saved
 * mutation, written as it is made, so the job prop (live from IndexedDB) is the only state of
 * the estimate here.
 */
export function EstimateStep({ job, handOver }: EstimateStepProps) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const report = useCallback(
    (e: unknown) => setFailure(t('save.failed', { reason: errorText(e) })),
    [t],
  );
  const save = (work: Promise<unknown>) => void work.then(() => setFailure(null), report);

  const catalogue = useCatalogue();
  // The store's default terms (server's, else this tablet's, else built in), one tap away.
  const defaults = useLiveQuery(() => getStoreProfile(db).then((profile) => profile.defaults), []);
  const last = useLastEstimate(job);
  const undo = useLineUndo(job.id, report);
  const lines = live(job.estimate.lines);
  // 追加项目 the customer approved join the work; they are changed on the card's additional-work section.
  const approved = approvedAdditions(job);
  const presentCodes = new Set(lines.map((line) => line.code).filter((code) => code !== ''));
  const unitOf = (code: string) => (catalogue.status === 'ready' ? catalogue.byCode.get(code)?.unit : undefined);

  async function add(fields: LineFields): Promise<boolean> {
    try {
      await addLine(db, job.id, fields);
      setFailure(null);
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  // A labour item with its parts, in one tap: all its lines in one transaction, and its undo
  // takes them all back in one transaction too.
  const picks = {
    async add(fields: LineFields[]): Promise<string[] | null> {
      try {
        const ids = await addLines(db, job.id, fields);
        setFailure(null);
        return ids;
      } catch (e) {
        report(e);
        return null;
      }
    },
    async undo(ids: string[]): Promise<boolean> {
      try {
        await removeLines(db, job.id, ids);
        return true;
      } catch (e) {
        report(e);
        return false;
      }
    },
  };

  /** 按上次项目: the lines in order, stopping at the first that cannot be saved. */
  async function addAll(fields: LineFields[]): Promise<number> {
    let added = 0;
    for (const line of fields) {
      if (!(await add(line))) break;
      added += 1;
    }
    return added;
  }

  const useDefaults = () => defaults && save(updateEstimate(db, job.id, fillEmptyTerms(job.estimate, defaults, new Date())));
  const unset = lines.length > 0 ? unsetEstimateTerms(job.estimate) : [];

  // Once the last empty term is filled (the store's defaults, or a chip), what comes next is
  // the hand-over at the end of the step: it is brought into view, clear of the step bar.
  const end = useRef<HTMLDivElement>(null);
  const complete = lines.length > 0 && unset.length === 0;
  const wasComplete = useRef(complete);
  useEffect(() => {
    if (complete && !wasComplete.current) end.current?.scrollIntoView({ block: 'end' });
    wasComplete.current = complete;
  }, [complete]);

  // The step sits inside the check-in <form>: Enter in one of our boxes must not submit it.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  }

  return (
    <div className="estimate" onKeyDown={onKeyDown}>
      <h3>{t('estimate.title')}</h3>
      {failure && (
        <p className="banner banner-error" role="alert">
          {failure}
        </p>
      )}
      {last && <RepeatLastLines last={last} catalogue={catalogue} presentCodes={presentCodes} onAdd={addAll} />}
      <CataloguePicker
        catalogue={catalogue}
        presentCodes={presentCodes}
        onAdd={add}
        picks={picks}
        // Right under the results, where the advisor's hand is once the lines are in.
        footer={unset.length > 0 && <UnsetTerms unset={unset} defaults={defaults} onUseDefaults={useDefaults} />}
      />
      {LINE_KINDS.map((kind) => (
        <LineGroup
          key={kind}
          kind={kind}
          lines={lines.filter((line) => line.kind === kind)}
          unitOf={unitOf}
          onChange={(id, fields) => save(updateLine(db, job.id, id, fields))}
          onRemove={(line) => void undo.remove(line)}
        />
      ))}
      {approved.length > 0 && <ApprovedAdditions lines={approved} />}
      <TotalsBox totals={estimateTotals(lines)} agreed={approved.length > 0 ? agreedTotals(job) : undefined} />
      <EstimateTerms
        estimate={job.estimate}
        onChange={(fields) => save(updateEstimate(db, job.id, fields))}
      />
      {handOver && (
        <div className="estimate-hand-over" ref={end}>
          {handOver}
        </div>
      )}
      <CatalogueImport />
      {undo.removed && (
        <UndoSnackbar description={undo.removed.description} onUndo={() => void undo.undo()} onDismiss={undo.dismiss} />
      )}
    </div>
  );
}

/** 追加项目（已同意）: approved additional lines, read-only here (decided with the customer). */
function ApprovedAdditions({ lines }: { lines: DecidedAddition[] }) {
  const { t, language } = useI18n();
  return (
    <section className="line-group" aria-label={t('addition.estimateGroup')}>
      <h4>
        {t('addition.estimateGroup')}
        <span className="line-count">{t('estimate.groupCount', { count: lines.length })}</span>
      </h4>
      <ol className="lines">
        {lines.map((line) => (
          <li key={line.id} className="approved-addition">
            {t(`addition.kind.${line.kind}`)} · {line.description} · {formatFen(lineAmounts(line).netFen, language)}
          </li>
        ))}
      </ol>
    </section>
  );
}
