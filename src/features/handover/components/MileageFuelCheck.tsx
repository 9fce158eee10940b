import { useCallback, useEffect, useRef, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { updateHandover } from '../../../db/work-repo.ts';
import { handoverFlags, type Handover, type HandoverFlag } from '../../../shared/handover.ts';
import type { Fuel } from '../../../shared/job.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n, type Translate } from '../../../ui/i18n.tsx';
import { markUnsaved } from '../../../ui/unsaved-input.ts';
import { fuelText } from '../../../shared/vehicle-condition.ts';
import { readKm } from '../handover-rules.ts';

const TYPING_PAUSE_MS = 400;
const FUEL_KINDS = ['gauge', 'battery'] as const satisfies readonly Fuel['kind'][];
const SCALES = {
  gauge: { label: 'fuel.gauge', steps: [0, 1, 2, 3, 4, 5, 6, 7, 8], fuel: (eighths: number): Fuel => ({ kind: 'gauge', eighths }) },
  battery: { label: 'fuel.battery', steps: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], fuel: (percent: number): Fuel => ({ kind: 'battery', percent }) },
} as const;

type Checkin = { odometerKm: number | null; fuel: Fuel | null };
type MileageFuelCheckProps = { jobId: string; checkin: Checkin; handover: Handover; save: (work: Promise<unknown>) => void };

/** Mileage and fuel read again at the car, beside the check-in values; a difference to explain is flagged. */
export function MileageFuelCheck({ jobId, checkin, handover, save }: MileageFuelCheckProps) {
  const { t } = useI18n();
  const flags = handoverFlags(checkin, handover);
  return (
    <section className="group handover-condition" aria-labelledby="handover-condition-title">
      <h3 id="handover-condition-title">{t('handover.condition.title')}</h3>
      <MileageField jobId={jobId} checkinKm={checkin.odometerKm} storedKm={handover.odometerKm} save={save} />
      <FuelField checkin={checkin.fuel} stored={handover.fuel} onChoose={(fuel) => save(updateHandover(db, jobId, { fuel }))} />
      {flags.map((flag) => (
        <p key={flag} className="banner banner-warning-soft" role="alert">
          ⚠ {flagText(t, flag, checkin, handover)}
        </p>
      ))}
    </section>
  );
}

function flagText(t: Translate, flag: HandoverFlag, checkin: Checkin, now: Pick<Handover, 'odometerKm'>): string {
  switch (flag) {
    case 'odometer.beyondRoadTest':
      return t('handover.flag.odometer.beyondRoadTest', { km: ((now.odometerKm ?? 0) - (checkin.odometerKm ?? 0)).toLocaleString('en') });
    case 'odometer.lower':
      return t('handover.flag.odometer.lower', { km: (checkin.odometerKm ?? 0).toLocaleString('en') });
    case 'fuel.lower':
      return t('handover.flag.fuel.lower', { level: checkin.fuel ? fuelText(checkin.fuel) : '' });
    default: {
      const never: never = flag;
      return never;
    }
  }
}

type MileageFieldProps = { jobId: string; checkinKm: number | null; storedKm: number | null; save: (work: Promise<unknown>) => void };

/** Typed text, stored after a pause and on blur; only a whole number within reason is stored. */
function MileageField({ jobId, checkinKm, storedKm, save }: MileageFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(storedKm === null ? '' : String(storedKm));
  const [refused, setRefused] = useState<'notNumber' | 'tooHigh' | null>(null);
  const pending = useRef<number | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const source = `handover-km:${jobId}`;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const km = pending.current;
    if (km === undefined) return;
    pending.current = undefined;
    markUnsaved(source, false);
    save(updateHandover(db, jobId, { odometerKm: km }));
  }, [jobId, save, source]);
  useEffect(() => flush, [flush]);

  function onChange(next: string) {
    setText(next);
    const read = readKm(next);
    if (timer.current) clearTimeout(timer.current);
    if (!read.ok) {
      setRefused(read.why);
      pending.current = undefined;
      markUnsaved(source, false);
      return;
    }
    setRefused(null);
    // Typed back to what is stored: nothing to save.
    pending.current = read.km === storedKm ? undefined : read.km;
    if (pending.current === undefined) return markUnsaved(source, false);
    markUnsaved(source, true);
    timer.current = setTimeout(flush, TYPING_PAUSE_MS);
  }

  return (
    <Field
      label={t('handover.odometer')}
      error={refused ? t(`handover.odometer.${refused}`) : undefined}
      hint={checkinKm === null ? t('handover.odometer.checkinUnknown') : t('handover.odometer.checkin', { km: checkinKm.toLocaleString('en') })}
    >
      {(a11y) => <input {...a11y} value={text} inputMode="numeric" autoComplete="off" onChange={(e) => onChange(e.target.value)} onBlur={flush} />}
    </Field>
  );
}

type FuelFieldProps = { checkin: Fuel | null; stored: Fuel | null; onChoose: (fuel: Fuel) => void };

/** The dashboard gauge again (E … F, or battery % for an EV), starting on the check-in's kind. */
function FuelField({ checkin, stored, onChoose }: FuelFieldProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Fuel['kind']>(stored?.kind ?? checkin?.kind ?? 'gauge');
  const scale = SCALES[kind];
  const level = stored?.kind === kind ? (stored.kind === 'gauge' ? stored.eighths : stored.percent) : null;
  return (
    <fieldset className="group handover-fuel">
      <legend>{t('handover.fuel')}</legend>
      <p className="field-hint">{checkin ? t('handover.fuel.checkin', { level: fuelText(checkin) }) : t('handover.fuel.checkinUnknown')}</p>
      <ChoiceRow label={t('handover.fuel')} options={FUEL_KINDS} value={kind} onChoose={setKind} optionLabel={(k) => t(k === 'gauge' ? 'fuel.gauge' : 'fuel.ev')} />
      <ChoiceRow
        label={`${t('handover.fuel')} · ${t(scale.label)}`}
        className="gauge"
        options={scale.steps}
        value={level}
        onChoose={(step) => step !== level && onChoose(scale.fuel(step))}
        optionLabel={(step) => fuelText(scale.fuel(step))}
        optionClass={(step) => `gauge-step${level !== null && step <= level ? ' gauge-filled' : ''}`}
      />
    </fieldset>
  );
}
