import { useState } from 'react';
import type { CatalogueState } from '../catalogue-store.ts';
import type { LineFields } from '../../../shared/estimate.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { LastEstimate } from '../hooks/use-last-estimate.ts';
import { repeatLastLines, type SkippedLine } from '../repeat-lines.ts';

type RepeatLastLinesProps = {
  last: LastEstimate;
  catalogue: CatalogueState;
  presentCodes: ReadonlySet<string>;
  /** Adds the lines in order; resolves to how many were written. */
  onAdd: (lines: LineFields[]) => Promise<number>;
};

type Done = { added: number; skipped: SkippedLine[] };

/**
 * 按上次项目: one tap adds the last visit's lines again at today's catalogue prices; the
 * lines that could not come back are listed with why, so the advisor knows what to add by hand.
 */
export function RepeatLastLines({ last, catalogue, presentCodes, onAdd }: RepeatLastLinesProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const ready = catalogue.status === 'ready';
  const plan = ready ? repeatLastLines(last.lines, catalogue.byCode, presentCodes) : null;
  const when = last.visit.checkedInAt ?? last.visit.createdAt;

  async function repeat() {
    if (!plan || busy) return;
    setBusy(true);
    const added = await onAdd(plan.add);
    setBusy(false);
    setDone({ added, skipped: plan.skipped });
  }

  return (
    <section className="banner repeat-last" aria-label={t('repeat.title')}>
      <p>
        {t('repeat.lead', { date: formatLocalDateTime(when), count: last.lines.length })}
        {last.source === 'server' && <span className="repeat-source"> · {t('previous.fromServer')}</span>}
      </p>
      {done ? (
        <div role="status">
          <p>✓ {t('repeat.added', { count: done.added })}</p>
          {done.skipped.length > 0 && <SkippedList skipped={done.skipped} />}
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-large btn-primary"
          disabled={!plan || plan.add.length === 0 || busy}
          onClick={() => void repeat()}
        >
          {t('repeat.button')}
          {plan && plan.add.length > 0 && ` · ${t('repeat.count', { count: plan.add.length })}`}
        </button>
      )}
      {!done && plan && plan.add.length === 0 && (
        <>
          <p className="field-hint">{t('repeat.nothing')}</p>
          {plan.skipped.length > 0 && <SkippedList skipped={plan.skipped} />}
        </>
      )}
    </section>
  );
}

function SkippedList({ skipped }: { skipped: SkippedLine[] }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('repeat.skipped', { count: skipped.length })}</p>
      <ul className="repeat-skipped">
        {skipped.map((line, i) => (
          <li key={`${line.code}:${i}`}>
            {line.code && <span className="catalogue-code">{line.code} </span>}
            {line.description}：{t(`repeat.reason.${line.reason}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
