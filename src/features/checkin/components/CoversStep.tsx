import { useFormContext, useWatch } from 'react-hook-form';
import { COVERS, type Card, type Cover } from '../../../shared/job.ts';
import { formatLocalDateTime, nowIso } from '../../../shared/local-time.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

const SET_OF_THREE: Cover[] = ['seat', 'steeringWheel', 'floorMat'];

/** 三件套/四件套: each cover ticked when fitted in front of the customer, with the time. */
export function CoversStep() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const covers = useWatch<Card, 'covers'>({ name: 'covers' }) ?? {};

  function fitAll(set: Cover[]) {
    const now = nowIso();
    for (const cover of set) if (!covers[cover]) setValue(`covers.${cover}`, now);
  }

  return (
    <fieldset className="group">
      <legend>{t('covers')}</legend>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => fitAll(SET_OF_THREE)}>
          {t('covers.set3')}
        </button>
        <button type="button" className="btn" onClick={() => fitAll([...COVERS])}>
          {t('covers.set4')}
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
