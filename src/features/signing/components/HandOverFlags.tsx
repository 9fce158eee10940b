import { handOverFlags, type HandOverFlag } from '../../../shared/hand-over-checks.ts';
import type { Job } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';

/**
 * What to look at before the customer signs (hand-over-checks.ts): a mark whose severity
 * nobody chose, an estimate term still empty. Each is a tap away from where it is set; they
 * warn and never block the hand-over (the advisor may have a reason).
 */
export function HandOverFlags({ job }: { job: Job }) {
  const { t } = useI18n();
  const flags = handOverFlags(job);
  if (flags.length === 0) return null;

  function describe(flag: HandOverFlag): string {
    if (flag.kind === 'estimateTermUnset') return t('signing.flag.term', { term: t(`review.${flag.term}`) });
    const damage = job.damages[flag.damageId];
    return damage
      ? t('signing.flag.severity', { type: t(`damage.type.${damage.type}`), view: t(`view.${damage.view}`) })
      : t('signing.flag.severityUnknown');
  }

  return (
    <section className="banner sign-flags" aria-label={t('signing.flags')}>
      <h3>⚠ {t('signing.flags')}</h3>
      <p className="field-hint">{t('signing.flagsHint')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={flag.kind === 'severityUnset' ? flag.damageId : flag.term}>
            <span>{describe(flag)}</span>{' '}
            <button
              type="button"
              className="btn btn-link"
              onClick={() => navigate(`/jobs/${job.id}/${flag.kind === 'severityUnset' ? 'walkaround' : 'estimate'}`)}
            >
              {t('signing.flag.go')} ›
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
