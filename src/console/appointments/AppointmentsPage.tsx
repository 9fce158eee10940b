// 预约 at the desk: book a customer for a time, see a day's bookings and whether each car came,
// move one, mark a no-show. A booking reaches the store's tablets with their next sync and
// shows at the top of their job list on its day; one tap there starts the check-in from it.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { appointmentListSchema, appointmentViewSchema, type AppointmentView } from '../../shared/console/appointment-api.ts';
import { storeDayOf } from '../../shared/console/store-day.ts';
import { formatLocalDateTime, nowIso } from '../../shared/local-time.ts';
import { ConsoleApiError, consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { SERVICE_WORDS, W } from './messages.ts';

const SERVICE_TYPES = Object.keys(SERVICE_WORDS) as (keyof typeof SERVICE_WORDS)[];

/** "2026-12-08T10:30" for a datetime-local input, in the store's clock. */
function localInput(iso: string): string {
  return formatLocalDateTime(iso).replace(' ', 'T');
}

type Draft = { jobId: string | null; customerName: string; customerPhone: string; plate: string; at: string; serviceType: string; note: string };
const emptyDraft = (day: string): Draft => ({ jobId: null, customerName: '', customerPhone: '', plate: '', at: `${day}T09:00`, serviceType: 'maintenance', note: '' });

export default function AppointmentsPage() {
  const say = useSay();
  const [day, setDay] = useState(() => storeDayOf(new Date()));
  const [list, setList] = useState<AppointmentView[] | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(storeDayOf(new Date())));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const answer = await consoleApi(`/api/v1/console/appointments?from=${day}&to=${day}`, { schema: appointmentListSchema });
      setList(answer.appointments);
    } catch (caught) {
      setError(caught instanceof ConsoleApiError ? caught.message : String(caught));
    }
  }, [day]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const { jobId, at, ...fields } = draft;
      // A datetime-local value is read in the desk PC's own zone; sent with the store's offset.
      const body = { ...fields, at: nowIso(new Date(at)) };
      const answer = await consoleApi(jobId ? `/api/v1/console/appointments/${jobId}` : '/api/v1/console/appointments', {
        method: jobId ? 'PUT' : 'POST',
        body,
        schema: appointmentViewSchema,
      });
      setSaved(say(jobId ? W.moved : W.booked, { name: answer.customerName, time: formatLocalDateTime(answer.at), number: answer.number }));
      setDraft(emptyDraft(day));
      await load();
    } catch (caught) {
      setError(caught instanceof ConsoleApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const noShow = async (row: AppointmentView, value: boolean) => {
    setError('');
    try {
      await consoleApi(`/api/v1/console/appointments/${row.jobId}/no-show`, { method: 'POST', body: { noShow: value }, schema: appointmentViewSchema });
      await load();
    } catch (caught) {
      setError(caught instanceof ConsoleApiError ? caught.message : String(caught));
    }
  };

  const edit = (row: AppointmentView) =>
    setDraft({ jobId: row.jobId, customerName: row.customerName, customerPhone: row.customerPhone, plate: row.plate, at: localInput(row.at), serviceType: row.serviceTypes[0] ?? 'maintenance', note: row.note });

  const field = (name: keyof Draft) => ({
    name,
    value: draft[name] ?? '',
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <div className="console-appointments">
      <h1>{say(W.title)}</h1>
      <form className="console-card console-form-grid" onSubmit={(event) => void submit(event)} aria-label={say(draft.jobId ? W.editTitle : W.bookTitle)}>
        <h2>{say(draft.jobId ? W.editTitle : W.bookTitle)}</h2>
        <label className="console-field">
          {say(W.name)}
          <input {...field('customerName')} required maxLength={50} />
        </label>
        <label className="console-field">
          {say(W.phone)}
          <input {...field('customerPhone')} required maxLength={30} inputMode="tel" />
        </label>
        <label className="console-field">
          {say(W.plate)}
          <input {...field('plate')} maxLength={20} placeholder={say(W.platePlaceholder)} />
        </label>
        <label className="console-field">
          {say(W.at)}
          <input {...field('at')} type="datetime-local" required />
        </label>
        <label className="console-field">
          {say(W.service)}
          <select {...field('serviceType')}>
            {SERVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {say(SERVICE_WORDS[type])}
              </option>
            ))}
          </select>
        </label>
        <label className="console-field">
          {say(W.note)}
          <input {...field('note')} maxLength={200} />
        </label>
        <div className="console-actions">
          <button type="submit" className="console-button console-primary" disabled={busy}>
            {say(draft.jobId ? W.save : W.book)}
          </button>
          {draft.jobId && (
            <button type="button" className="console-button" onClick={() => setDraft(emptyDraft(day))}>
              {say(W.cancel)}
            </button>
          )}
        </div>
        {saved && (
          <p role="status" className="console-ok">
            {saved}
          </p>
        )}
        {error && (
          <p role="alert" className="console-error">
            {error}
          </p>
        )}
      </form>

      <section className="console-card" aria-label={say(W.listTitle)}>
        <h2>{say(W.listTitle)}</h2>
        <label className="console-field console-inline">
          {say(W.day)}
          <input type="date" value={day} onChange={(event) => event.target.value && setDay(event.target.value)} />
        </label>
        {list === null ? (
          <p className="console-loading">{say(W.loading)}</p>
        ) : list.length === 0 ? (
          <p className="console-hint">{say(W.none)}</p>
        ) : (
          <table className="console-table">
            <thead>
              <tr>
                <th>{say(W.time)}</th>
                <th>{say(W.name)}</th>
                <th>{say(W.phone)}</th>
                <th>{say(W.plate)}</th>
                <th>{say(W.service)}</th>
                <th>{say(W.note)}</th>
                <th>{say(W.state)}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.jobId}>
                  <td>{formatLocalDateTime(row.at).slice(-5)}</td>
                  <td>{row.customerName}</td>
                  <td>{row.customerPhone}</td>
                  <td>{row.plate || '—'}</td>
                  <td>{row.serviceTypes.map((type) => say(SERVICE_WORDS[type as keyof typeof SERVICE_WORDS] ?? { zh: type, en: type })).join('、')}</td>
                  <td>{row.note}</td>
                  <td>{say(row.status !== 'draft' ? W.arrived : row.noShow ? W.noShow : W.expected)}</td>
                  <td className="console-actions">
                    {row.status === 'draft' && (
                      <>
                        <button type="button" className="console-button" onClick={() => edit(row)}>
                          {say(W.edit)}
                        </button>
                        <button type="button" className="console-button" onClick={() => void noShow(row, !row.noShow)}>
                          {say(row.noShow ? W.cameAfterAll : W.markNoShow)}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
