import { db } from '../../../db/instance.ts';
import { updateHandover } from '../../../db/work-repo.ts';
import type { Handover } from '../../../shared/handover.ts';
import type { Job } from '../../../shared/job.ts';
import { formatLocalDateTime, nowIso } from '../../../shared/local-time.ts';
import { BELONGINGS, COVERS } from '../../../shared/vehicle-condition.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { fittedCovers, listedBelongings, removeAllCovers } from '../handover-rules.ts';

type CarReturnsProps = { job: Job; save: (work: Promise<unknown>) => void };

const clock = (iso: string) => formatLocalDateTime(iso).slice(11);

/** What goes back as it came: the covers off in front of the customer, the belongings, the 旧件. */
export function CarReturns({ job, save }: CarReturnsProps) {
  return (
    <>
      <CoversOff job={job} save={save} />
      <BelongingsBack job={job} save={save} />
      <OldPartsDone job={job} save={save} />
    </>
  );
}

function CoversOff({ job, save }: CarReturnsProps) {
  const { t } = useI18n();
  const { covers } = job.card;
  const removed = job.handover.coversRemoved;
  const fitted = fittedCovers(covers, COVERS);
  const all = removeAllCovers(fitted, removed, nowIso());
  const set = (fields: Handover['coversRemoved']) => save(updateHandover(db, job.id, { coversRemoved: fields }));
  return (
    <fieldset className="group">
      <legend>{t('handover.covers.title')}</legend>
      {fitted.length === 0 ? (
        <p className="empty">{t('handover.covers.none')}</p>
      ) : (
        <>
          <div className="chips chips-large">
            {fitted.map((cover) => {
              const at = removed[cover];
              return (
                <Chip
                  key={cover}
                  pressed={Boolean(at)}
                  onToggle={() => set({ [cover]: at ? null : nowIso() })}
                  detail={at ? t('handover.covers.removedAt', { time: clock(at) }) : t('handover.covers.fittedAt', { time: clock(covers[cover] ?? '') })}
                >
                  {t(`cover.${cover}`)}
                </Chip>
              );
            })}
          </div>
          {all && (
            <button type="button" className="btn btn-large" onClick={() => save(updateHandover(db, job.id, all))}>
              {t('handover.covers.removeAll')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}

function BelongingsBack({ job, save }: CarReturnsProps) {
  const { t } = useI18n();
  const listed = listedBelongings(job.card.belongings, BELONGINGS);
  const returned = job.handover.belongingsReturned;
  const note = job.card.belongingsNote.trim();
  return (
    <fieldset className="group">
      <legend>{t('handover.belongings.title')}</legend>
      {listed.length === 0 && !note ? (
        <p className="empty">{t('handover.belongings.none')}</p>
      ) : (
        <div className="chips chips-large">
          {listed.map((item) => (
            <Chip
              key={item}
              pressed={returned[item] === true}
              onToggle={() => save(updateHandover(db, job.id, { belongingsReturned: { [item]: returned[item] !== true } }))}
              detail={returned[item] ? t('handover.belongings.returned') : t('handover.belongings.notReturned')}
            >
              {t(`belonging.${item}`)}
            </Chip>
          ))}
        </div>
      )}
      {note && <p className="field-hint">{t('handover.belongings.note', { note })}</p>}
    </fieldset>
  );
}

function OldPartsDone({ job, save }: CarReturnsProps) {
  const { t } = useI18n();
  const choice = job.estimate.oldParts;
  const done = job.handover.oldPartsDone === true;
  return (
    <fieldset className="group">
      <legend>{t('handover.oldParts.title')}</legend>
      {choice === null ? (
        <p className="empty">{t('handover.oldParts.notChosen')}</p>
      ) : (
        <>
          <p>{t('handover.oldParts.chosen', { choice: t(`oldParts.${choice}`) })}</p>
          <div className="chips chips-large">
            <Chip pressed={done} onToggle={() => save(updateHandover(db, job.id, { oldPartsDone: done ? null : true }))}>
              {t(choice === 'take' ? 'handover.oldParts.doneTake' : 'handover.oldParts.doneDispose')}
            </Chip>
          </div>
        </>
      )}
    </fieldset>
  );
}
