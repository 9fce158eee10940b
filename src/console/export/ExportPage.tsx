// The DMS export from the console: the cards checked in on a day or a range of the store's days
// with their lines, downloaded as CSV (Excel, one row per line) or as the documented JSON; and
// how the DMS fetches the same by itself (/api/v1/export with an administrator's credentials).
import { useState, type FormEvent } from 'react';
import { CONSOLE_EXPORT_API, DMS_EXPORT_API, EXPORT_FORMATS, MAX_EXPORT_DAYS } from '../../shared/console/export-api.ts';
import { daysFromTo } from '../../shared/console/store-day.ts';
import { storeDayOf } from '../../shared/console/store-day.ts';
import { downloadFile } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { useConsoleSession } from '../session.tsx';
import { W } from './messages.ts';
import './export.css';

const today = () => storeDayOf(new Date());

type Outcome = { state: 'idle' } | { state: 'working' } | { state: 'done'; file: string } | { state: 'failed'; message: string };

export default function ExportPage() {
  const say = useSay();
  const session = useConsoleSession();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<(typeof EXPORT_FORMATS)[number]>('csv');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const days = from && to ? daysFromTo(from, to) : 1;
  const problem = days < 1 ? say(W.backwards) : days > MAX_EXPORT_DAYS ? say(W.tooLong, { days: MAX_EXPORT_DAYS }) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const file = `walkaround-${session.store.code}-${from}${to === from ? '' : `_${to}`}.${format}`;
    setOutcome({ state: 'working' });
    try {
      await downloadFile(`${CONSOLE_EXPORT_API}?${new URLSearchParams({ from, to, format })}`, file);
      setOutcome({ state: 'done', file });
    } catch (error) {
      setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="export-page" aria-labelledby="export-title">
      <h1 id="export-title">{say(W.title)}</h1>
      <p>{say(W.intro)}</p>
      <form className="console-card export-form" onSubmit={(event) => void submit(event)}>
        <label className="console-field">
          {say(W.from)}
          <input type="date" required value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="console-field">
          {say(W.to)}
          <input type="date" required value={to} min={from} onChange={(event) => setTo(event.target.value)} />
        </label>
        <fieldset className="export-formats">
          <legend>{say(W.format)}</legend>
          {EXPORT_FORMATS.map((name) => (
            <label key={name} className="export-format">
              <input type="radio" name="format" value={name} checked={format === name} onChange={() => setFormat(name)} />
              {say(W[name])}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p role="alert" className="console-error">
            {problem}
          </p>
        )}
        <button type="submit" className="console-button console-primary" disabled={outcome.state === 'working' || problem !== null}>
          {outcome.state === 'working' ? say(W.downloading) : say(W.download)}
        </button>
        {outcome.state === 'done' && (
          <p role="status" className="console-ok">
            {say(W.done, { file: outcome.file })}
          </p>
        )}
        {outcome.state === 'failed' && (
          <p role="alert" className="console-error">
            {outcome.message}
          </p>
        )}
      </form>
      <section className="console-card">
        <h2>{say(W.dmsTitle)}</h2>
        <p>{say(W.dmsText, { doc: '/api/v1/openapi.json' })}</p>
        <code className="export-url">
          GET {location.origin}
          {DMS_EXPORT_API}?from={from}&amp;to={to}&amp;format={format}
        </code>
      </section>
    </section>
  );
}
