// The card's damage marks on the tablets' own vehicle diagram (src/ui/vehicle-outline), one
// view beside another, each mark at its fraction of the view as the tablet placed it, with
// the table of marks below it (the diagram is never the only place a fact is shown).
import type { BodyStyle } from '../../shared/job.ts';
import { VEHICLE_VIEWS, isHandoverDamage, type Damage } from '../../shared/walkaround.ts';
import { Outline, VIEW_BOX } from '../../ui/vehicle-outline/vehicle-outlines.tsx';
import { useLanguage, useSay } from '../language.tsx';
import { tabletWord } from '../reports/messages.ts';
import { W } from './messages.ts';

export function DamageDiagram({ body, damages }: { body: BodyStyle; damages: Damage[] }) {
  const say = useSay();
  const { language } = useLanguage();
  const word = (key: Parameters<typeof tabletWord>[1]) => tabletWord(language, key);
  if (damages.length === 0) return <p>{say(W.noDamages)}</p>;
  return (
    <>
      <div className="archive-diagram">
        {VEHICLE_VIEWS.map((view) => {
          const { width, height } = VIEW_BOX[view];
          return (
            <figure key={view} className="archive-view">
              <div className="archive-view-box" style={{ aspectRatio: `${width} / ${height}` }}>
                <Outline body={body} view={view} />
                {damages
                  .filter((damage) => damage.view === view)
                  .map((damage) => (
                    <span
                      key={damage.id}
                      className={`archive-mark severity-${damage.severity ?? 'unset'}${isHandoverDamage(damage) ? ' archive-mark-handover' : ''}`}
                      style={{ left: `${damage.x * 100}%`, top: `${damage.y * 100}%` }}
                      title={`${word(`damage.type.${damage.type}`)} · ${word(`severity.${damage.severity ?? 'unset'}`)}`}
                    >
                      {damages.indexOf(damage) + 1}
                    </span>
                  ))}
              </div>
              <figcaption>{word(`view.${view}`)}</figcaption>
            </figure>
          );
        })}
      </div>
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{say(W.view)}</th>
            <th scope="col">{say(W.type)}</th>
            <th scope="col">{say(W.severity)}</th>
            <th scope="col">{say(W.note)}</th>
          </tr>
        </thead>
        <tbody>
          {damages.map((damage, i) => (
            <tr key={damage.id}>
              <td>{i + 1}</td>
              <td>{word(`view.${damage.view}`)}</td>
              <td>{word(`damage.type.${damage.type}`)}</td>
              <td>{word(`severity.${damage.severity ?? 'unset'}`)}</td>
              <td>
                {damage.note}
                {isHandoverDamage(damage) && <strong> {say(W.atHandover)}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
