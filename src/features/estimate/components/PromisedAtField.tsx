import { useState } from 'react';
import { Chip } from '../../../ui/Chip.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { fromLocalInput, quickTimes, toLocalInput } from '../promised-time.ts';
import { TermLegend } from './TermLegend.tsx';

type PromisedAtFieldProps = {
  value: string | null;
  /** Still empty on an estimate with lines: flagged until chosen. */
  flagged?: boolean;
  onChange: (promisedAt: string | null) => void;
};

/** 预计交车时间: a date-time on the shop's clock, with the times usually promised one tap away. */
export function PromisedAtField({ value, flagged = false, onChange }: PromisedAtFieldProps) {
  const { t } = useI18n();
  const stored = value ? toLocalInput(value) : '';
  // What the picker shows while it is being changed; the stored value takes over once saved.
  const [draft, setDraft] = useState<string | null>(null);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setDraft(null);
  }
  const [now] = useState(() => Date.now());
  const quick = quickTimes(new Date(now));
  const past = value !== null && Date.parse(value) < now;

  function choose(local: string) {
    setDraft(local);
    const iso = fromLocalInput(local);
    if (iso !== null) onChange(iso);
  }

  function clear() {
    setDraft('');
    onChange(null);
  }

  return (
    <fieldset className={flagged ? 'group promised-at term-unset' : 'group promised-at'}>
      <TermLegend label={t('estimate.promisedAt')} flagged={flagged} />
      <div className="chips-compact">
        {quick.map(({ key, value: local }) => (
          <Chip key={key} pressed={stored === local} onToggle={() => choose(local)}>
            {t(`estimate.promisedAt.${key}`)}
          </Chip>
        ))}
      </div>
      <Field
        label={t('estimate.promisedAt.exact')}
        hint={past ? <span className="promised-past">{t('estimate.promisedAt.past')}</span> : t('estimate.promisedAt.hint')}
      >
        {(a11y) => (
          <span className="affix">
            <input
              {...a11y}
              type="datetime-local"
              step={300}
              value={draft ?? stored}
              onChange={(e) => choose(e.target.value)}
              // The input reads empty while a segment is half-typed on a keyboard, so only an
              // input left empty clears the time, never a moment of editing.
              onBlur={(e) => {
                if (e.target.value === '' && stored !== '') clear();
              }}
            />
            {(draft ?? stored) !== '' && (
              <button type="button" className="btn" onClick={clear}>
                {t('estimate.promisedAt.clear')}
              </button>
            )}
          </span>
        )}
      </Field>
    </fieldset>
  );
}
