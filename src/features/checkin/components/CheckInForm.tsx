import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { db } from '../../../db/instance.ts';
import { lastOdometerFor } from '../../../db/job-queries.ts';
import { checkIn } from '../../../db/job-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import { checkInCardSchema } from '../../../shared/check-in-rules.ts';
import type { Card, Job } from '../../../shared/job.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { CardHeader } from '../../../ui/CardHeader.tsx';
import { AttentionNotice } from '../../../ui/sync/SyncBadge.tsx';
import { useJobSyncState } from '../../../ui/sync/use-sync-state.ts';
import { useAutosave } from '../hooks/use-autosave.ts';
import { AFTER_CHECK_IN, CHECK_IN_STEP, STEPS, stepOfField, type Step } from '../steps.ts';
import '../check-in-desk.css';
import { BelongingsStep, ValuablesReminder } from './BelongingsStep.tsx';
import type { ExternalSteps } from './CheckInPage.tsx';
import { ConditionStep } from './ConditionStep.tsx';
import { CoversStep } from './CoversStep.tsx';
import { CustomerStep } from './CustomerStep.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { ServiceStep } from './ServiceStep.tsx';
import { StepBar } from './StepBar.tsx';
import { VehicleStep } from './VehicleStep.tsx';

/** The 接车单, step by step. Every change is saved as it is made (see useAutosave). */
type CheckInFormProps = { job: Job; step: Step; externalSteps: ExternalSteps };

export function CheckInForm({ job, step, externalSteps }: CheckInFormProps) {
  const { t } = useI18n();
  const [problemCount, setProblemCount] = useState(0);
  const [checkInError, setCheckInError] = useState<string | null>(null);
  // Checked in on this form just now: the step it went on to says so at its top, until the
  // advisor moves on from there.
  const [landedOn, setLandedOn] = useState<Step | null>(null);
  const [shownStep, setShownStep] = useState(step);
  if (shownStep !== step) {
    setShownStep(step);
    if (landedOn !== step) setLandedOn(null);
  }

  // The mileage rule depends on earlier cards of this vehicle; the resolver reads it live.
  const plateVin = `${job.card.vehicle.plate}|${job.card.vehicle.vin}`;
  const lastOdometerKm = useLiveQuery(() => lastOdometerFor(db, job), [job.id, plateVin]) ?? null;
  const lastKm = useRef(lastOdometerKm);
  lastKm.current = lastOdometerKm;
  const resolver: Resolver<Card> = (values, context, options) =>
    zodResolver(checkInCardSchema({ lastOdometerKm: lastKm.current }))(values, context, options) as ReturnType<Resolver<Card>>;

  const form = useForm<Card>({ defaultValues: job.card, resolver, mode: 'onTouched' });
  const { state: saveState, flush } = useAutosave(form, job.id);
  const syncState = useJobSyncState(job.id);

  async function goTo(next: Step) {
    await flush();
    navigate(`/jobs/${job.id}/${next}`, { replace: true });
    window.scrollTo({ top: 0 });
  }

  const onValid = async () => {
    setProblemCount(0);
    await flush();
    try {
      await checkIn(db, job.id);
      setCheckInError(null);
    } catch (e) {
      setCheckInError(t('save.failed', { reason: errorText(e) }));
      return;
    }
    // Issue 11: the estimate comes next, so 完成接车 goes there (one 下一步 fewer per check-in).
    setLandedOn(AFTER_CHECK_IN);
    await goTo(AFTER_CHECK_IN);
  };

  const onInvalid = (errors: FieldErrors<Card>) => {
    const paths = errorPaths(errors);
    setProblemCount(paths.length);
    const first = STEPS.find((s) => paths.some((p) => stepOfField(p) === s));
    if (first && first !== step) void goTo(first);
  };

  const index = STEPS.indexOf(step);
  const landed = landedOn === step;
  const ownSteps: Partial<Record<Step, ReactNode>> = {
    customer: <CustomerStep />,
    vehicle: <VehicleStep jobId={job.id} saved={job.card.vehicle} />,
    condition: <ConditionStep lastOdometerKm={lastOdometerKm} />,
    // The valuables reminder across the top, then covers, belongings and service side by side:
    // one landscape screen, so the step ends at 完成接车 without scrolling or a 下一步 between.
    service: (
      <div className="step-at-car">
        <ValuablesReminder />
        <div className="step-columns step-columns-3">
          <div>
            <CoversStep job={job} />
          </div>
          <div>
            <BelongingsStep job={job} />
          </div>
          <div>
            <ServiceStep />
          </div>
        </div>
      </div>
    ),
  };
  const stepBody = ownSteps[step] ?? externalSteps[step]?.(job) ?? null;

  return (
    <FormProvider {...form}>
      <main className="page check-in" onBlurCapture={() => void flush()}>
        <CardHeader job={job} syncState={syncState} onBack={() => void flush().then(() => navigate('/'))}>
          <SaveIndicator state={saveState} />
        </CardHeader>
        {syncState && <AttentionNotice jobId={job.id} state={syncState} />}
        <StepBar current={step} onSelect={(s) => void goTo(s)} />
        <form className="step-body" noValidate onSubmit={form.handleSubmit(onValid, onInvalid)}>
          {/* The step tab above names it; on the long step its own legends do, and the room goes to them. */}
          <h2 className={step === 'service' ? 'step-title-compact' : undefined}>{t(`step.${step}`)}</h2>
          {landed && job.checkedInAt && (
            <p className="banner banner-ok" role="status">
              ✓ {t('checkIn.done', { time: formatLocalDateTime(job.checkedInAt) })} · {t('checkIn.onToEstimate')}
            </p>
          )}
          {stepBody}
          {problemCount > 0 && (
            <p className="banner banner-error" role="alert">
              {t('checkIn.missing', { count: problemCount })}
            </p>
          )}
          {checkInError && (
            <p className="banner banner-error" role="alert">
              {checkInError}
            </p>
          )}
          {job.checkedInAt && !landed && (
            <p className="banner banner-ok" role="status">
              ✓ {t('checkIn.done', { time: formatLocalDateTime(job.checkedInAt) })}
            </p>
          )}
          <div className="step-nav">
            <button type="button" className="btn btn-large" disabled={index === 0} onClick={() => void goTo(STEPS[index - 1] ?? step)}>
              ‹ {t('step.prev')}
            </button>
            {step === CHECK_IN_STEP && job.status === 'draft' && (
              <button type="submit" className="btn btn-primary btn-large">
                ✓ {t('checkIn.submit')}
              </button>
            )}
            {index < STEPS.length - 1 && (
              <button
                type="button"
                className={`btn btn-large${step === CHECK_IN_STEP && job.status === 'draft' ? '' : ' btn-primary'}`}
                onClick={() => void goTo(STEPS[index + 1] ?? step)}
              >
                {t('step.next')} ›
              </button>
            )}
          </div>
        </form>
      </main>
    </FormProvider>
  );
}

/** Dotted paths of every field with an error ("customer.phone", "fuel", ...). */
function errorPaths(errors: object, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]: [string, unknown]) => {
    if (!value || typeof value !== 'object') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return 'message' in value && typeof value.message === 'string' ? [path] : errorPaths(value, path);
  });
}
