import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { checkQualityItem } from '../../../db/work-repo.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { QcCheck, QcItem, QcResult } from '../../../shared/quality-check.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { qcResultsFor } from '../handover-rules.ts';

type QcItemRowProps = {
  jobId: string;
  item: QcItem;
  carWash: boolean | null;
  check: QcCheck | undefined;
  who: (advisorId: string | null) => string;
  save: (work: Promise<unknown>) => void;
};

/** One 质检 item: 合格 / 不合格 / 不适用 (where allowed) in one tap, a note, who checked and when. */
export function QcItemRow({ jobId, item, carWash, check, who, save }: QcItemRowProps) {
  const { t } = useI18n();
  const [note, setNote] = useState(check?.note ?? '');
  const results = qcResultsFor(item, carWash);
  const label = t(`qc.item.${item}`);

  const choose = (result: QcResult) => {
    if (check?.result === result && check.note === note) return;
    save(checkQualityItem(db, jobId, item, result, note.trim()));
  };
  // The note is kept with a result: typed before one is chosen, it goes with the first tap.
  const saveNote = () => {
    if (check && note.trim() !== check.note) save(checkQualityItem(db, jobId, item, check.result, note.trim()));
  };

  return (
    <li className={`qc-item${check ? ` qc-item-${check.result}` : ''}`}>
      <div className="qc-item-head">
        <h3>{label}</h3>
        <span className="qc-item-who">
          {check ? t('qc.checkedBy', { who: who(check.advisorId), time: formatLocalDateTime(check.at) }) : t('qc.notChecked')}
        </span>
      </div>
      <ChoiceRow
        label={label}
        className="segmented qc-results"
        options={results}
        value={check?.result ?? null}
        onChoose={choose}
        optionLabel={(result) => t(`qc.result.${result}`)}
        optionClass={(result) => `btn btn-large qc-result-${result}`}
      />
      <Field label={`${t('qc.note')} · ${label}`}>
        {(a11y) => <input {...a11y} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} onBlur={saveNote} />}
      </Field>
    </li>
  );
}
