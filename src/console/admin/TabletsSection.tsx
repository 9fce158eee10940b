// The store's tablets: letter, name, enrolled, last seen, revoked. Revoking asks first (a
// revoked tablet cannot sync again until it is enrolled anew); allowing re-enrollment says
// until when, and whom to trust with it.
import { useCallback, useEffect, useState } from 'react';
import { ADMIN_API, reenrollmentResponseSchema, tabletResponseSchema, tabletsResponseSchema, type Tablet } from '../../shared/console/admin-api.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { ConfirmBox, Problem, useAction, when } from './admin-ui.tsx';
import { W } from './messages.ts';

export function TabletsSection() {
  const say = useSay();
  const [tablets, setTablets] = useState<Tablet[] | null>(null);
  const [revoking, setRevoking] = useState<Tablet | null>(null);
  const [approved, setApproved] = useState<{ tablet: Tablet; until: string } | null>(null);
  const { busy, problem, run } = useAction();

  const reload = useCallback(() => run(async () => setTablets((await consoleApi(`${ADMIN_API}/tablets`, { schema: tabletsResponseSchema })).tablets)), [run]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function revoke(tablet: Tablet) {
    const done = await run(() => consoleApi(`${ADMIN_API}/tablets/${tablet.id}/revoke`, { method: 'POST', schema: tabletResponseSchema }));
    setRevoking(null);
    if (done) await reload();
  }

  async function allowReenrollment(tablet: Tablet) {
    const answer = await run(() => consoleApi(`${ADMIN_API}/tablets/${tablet.id}/reenrollment`, { method: 'POST', schema: reenrollmentResponseSchema }));
    if (answer) setApproved(answer);
  }

  return (
    <section aria-labelledby="admin-tablets" className="admin-section">
      <h2 id="admin-tablets">{say(W.tablets)}</h2>
      <Problem text={problem} />
      {approved && (
        <p role="status" className="console-card">
          {say(W.reenrollmentAllowed, { letter: approved.tablet.code, until: when(approved.until) })}
        </p>
      )}
      {revoking && (
        <ConfirmBox
          text={say(W.confirmRevoke, { letter: revoking.code, name: revoking.name })}
          confirm={say(W.confirmRevokeButton)}
          danger
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
      {tablets === null ? (
        <p className="console-loading">{say(W.loading)}</p>
      ) : tablets.length === 0 ? (
        <p className="console-hint">{say(W.noTablets)}</p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{say(W.letter)}</th>
              <th scope="col">{say(W.tabletName)}</th>
              <th scope="col">{say(W.enrolled)}</th>
              <th scope="col">{say(W.lastSeen)}</th>
              <th scope="col">{say(W.state)}</th>
              <th scope="col">{say(W.actions)}</th>
            </tr>
          </thead>
          <tbody>
            {tablets.map((tablet) => (
              <tr key={tablet.id} className={tablet.revokedAt ? 'admin-disabled' : undefined}>
                <td>{tablet.code}</td>
                <td>{tablet.name}</td>
                <td>{when(tablet.enrolledAt)}</td>
                <td>{tablet.lastSeenAt ? when(tablet.lastSeenAt) : say(W.never)}</td>
                <td>{tablet.revokedAt ? say(W.revoked, { when: when(tablet.revokedAt) }) : say(W.active)}</td>
                <td className="admin-actions">
                  {!tablet.revokedAt && (
                    <button type="button" className="console-button console-danger" disabled={busy} onClick={() => setRevoking(tablet)}>
                      {say(W.revoke)}
                    </button>
                  )}
                  <button type="button" className="console-button" disabled={busy} onClick={() => void allowReenrollment(tablet)}>
                    {say(W.allowReenrollment)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
