import { useFormState } from 'react-hook-form';
import type { Card } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { STEPS, stepOfField, type Step } from '../steps.ts';

/** The steps as large tabs; a step with a problem is marked, so nothing hides off-screen. */
export function StepBar({ current, onSelect }: { current: Step; onSelect: (step: Step) => void }) {
  const { t } = useI18n();
  const { errors } = useFormState<Card>();
  const withProblems = new Set(Object.keys(errors).map(stepOfField));
  return (
    <nav className="step-bar" aria-label={t('step.of', { n: STEPS.indexOf(current) + 1, total: STEPS.length })}>
      {STEPS.map((step, i) => (
        <button
          key={step}
          type="button"
          className={`step${withProblems.has(step) ? ' step-problem' : ''}`}
          aria-current={step === current ? 'step' : undefined}
          onClick={() => onSelect(step)}
        >
          <span className="step-number" aria-hidden="true">
            {withProblems.has(step) ? '!' : i + 1}
          </span>
          {t(`step.${step}`)}
        </button>
      ))}
    </nav>
  );
}
