// Issuing an enrollment code for new tablets: how many days and tablets (the server's bounds
// are the rule), then the code shown large with a QR code of the address that opens the
// tablet app's connect form with the code filled in (settings?enroll=CODE).
import { useState, type FormEvent } from 'react';
import { ADMIN_API, enrollmentCodeResponseSchema, type EnrollmentCodeResponse } from '../../shared/console/admin-api.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { EnrollmentQr } from './EnrollmentQr.tsx';
import { Problem, useAction, when } from './admin-ui.tsx';
import { W } from './messages.ts';

/** The tablet app's address on this server that connects with `code` (ConnectForm reads ?enroll=). */
export function enrollmentUrl(code: string, origin = location.origin): string {
  return `${origin}/settings?enroll=${encodeURIComponent(code)}`;
}

export function EnrollmentCodeSection() {
  const say = useSay();
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('10');
  const [issued, setIssued] = useState<EnrollmentCodeResponse | null>(null);
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await run(() =>
      consoleApi(`${ADMIN_API}/enrollment-codes`, { method: 'POST', body: { days: Number(days), uses: Number(uses) }, schema: enrollmentCodeResponseSchema }),
    );
    if (answer) setIssued(answer);
  }

  return (
    <section aria-labelledby="admin-enrollment" className="admin-section">
      <h2 id="admin-enrollment">{say(W.enrollment)}</h2>
      <form className="console-card admin-form admin-inline" onSubmit={(e) => void submit(e)}>
        <label className="console-field">
          {say(W.days)}
          <input type="number" inputMode="numeric" min={1} max={90} required value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <label className="console-field">
          {say(W.uses)}
          <input type="number" inputMode="numeric" min={1} max={100} required value={uses} onChange={(e) => setUses(e.target.value)} />
        </label>
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {busy ? say(W.working) : say(W.issue)}
        </button>
      </form>
      <Problem text={problem} />
      {issued && (
        <div className="console-card admin-code" role="status" aria-label={say(W.codeFor)}>
          <p className="admin-code-text" data-testid="enrollment-code">
            {issued.code.slice(0, 4)}-{issued.code.slice(4)}
          </p>
          <p>{say(W.codeValid, { until: when(issued.expiresAt), uses: issued.usesLeft })}</p>
          <EnrollmentQr code={issued.code} url={enrollmentUrl(issued.code)} />
          <p className="console-hint">{say(W.scan)}</p>
        </div>
      )}
    </section>
  );
}
