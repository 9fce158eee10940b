import { useFormContext, useWatch } from 'react-hook-form';
import { COVERS, type Card, type Cover, type Job } from '../../../shared/job.ts';
import { formatLocalDateTime, nowIso } from '../../../shared/local-time.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { coverSet } from '../../../shared/previous-visit.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useLastVisit } from '../../../ui/sync/use-last-visit.ts';

const SET_OF_THREE: Cover[] = ['seat', 'steeringWheel', 'floorMat'];

/**
 * 三件套/全部安装 (the four): each cover ticked when fitted in front of the customer, with the
 * time; 全部安装 ticks every cover not yet fitted in one tap, each with its time. A
 * returning car's set from last time comes first, one tap; it is never ticked before it is
 * fitted, since the time ticked is the time the customer saw it fitted.
 */
export function CoversStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const covers = useWatch<Card, 'covers'>({ name: 'covers' }) ?? {};
  const lastSet = coverSet(useLastVisit(job)?.visit.card.covers ?? {});
  const lastSetOpen = lastSet.some((cover) => !covers[cover]);

  function fitAll(set: Cover[]) {
    const now = nowIso();
    for (const cover of set) if (!covers[cover]) setValue(`covers.${cover}`, now);
  }

  return (
    <fieldset className="group">
      <legend>{t('covers')}</legend>
      <div className="toolbar">
        {lastSet.length > 0 && lastSetOpen && (
          <button type="button" className="btn btn-primary" onClick={() => fitAll(lastSet)}>
            {t('previous.coversFromLast', { covers: lastSet.map((cover) => t(`cover.${cover}`)).join('、') })}
          </button>
        )}
        <button type="button" className="btn" onClick={() => fitAll(SET_OF_THREE)}>
          {t('covers.set3')}
        </button>
        <button type="button" className={`btn${lastSet.length > 0 && lastSetOpen ? '' : ' btn-primary'}`} onClick={() => fitAll([...COVERS])}>
          {t('covers.fitAll')}
        </button>
      </div>
      <div className="chips chips-large">
        {COVERS.map((cover) => {
          const fittedAt = covers[cover];
          return (
            <Chip
              key={cover}
              pressed={Boolean(fittedAt)}
              onToggle={() => setValue(`covers.${cover}`, fittedAt ? null : nowIso())}
              detail={fittedAt ? t('covers.fittedAt', { time: formatLocalDateTime(fittedAt).slice(11) }) : t('covers.notFitted')}
            >
              {t(`cover.${cover}`)}
            </Chip>
          );
        })}
      </div>
    </fieldset>
  );
}
