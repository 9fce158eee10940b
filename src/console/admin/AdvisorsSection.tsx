// The store's advisors and admins: the list (disabled ones marked), adding one, a new
// password (shown once), disabling and enabling. Each change asks the server, which keeps the
// rules (store-admin.ts); the list is read again after it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ADMIN_API, advisorPasswordResponseSchema, advisorResponseSchema, advisorsResponseSchema, type AdvisorListing, type AdvisorPasswordResponse } from '../../shared/console/admin-api.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { useConsoleSession } from '../session.tsx';
import { AddAdvisorForm } from './AddAdvisorForm.tsx';
import { ConfirmBox, Problem, useAction, when } from './admin-ui.tsx';
import { W } from './messages.ts';

type Pending = { kind: 'reset' | 'disable'; advisor: AdvisorListing };

export function AdvisorsSection() {
  const say = useSay();
  const me = useConsoleSession().advisor;
  const [advisors, setAdvisors] = useState<AdvisorListing[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState<AdvisorPasswordResponse | null>(null);
  const { busy, problem, run } = useAction();

  const reload = useCallback(() => run(async () => setAdvisors((await consoleApi(`${ADMIN_API}/advisors`, { schema: advisorsResponseSchema })).advisors)), [run]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const path = (advisor: AdvisorListing) => `${ADMIN_API}/advisors/${encodeURIComponent(advisor.username)}`;

  async function confirm() {
    if (!pending) return;
    const { kind, advisor } = pending;
    const done = await run(async () => {
      if (kind === 'reset') setShown(await consoleApi(`${path(advisor)}/password`, { method: 'POST', schema: advisorPasswordResponseSchema }));
      else await consoleApi(`${path(advisor)}/disabled`, { method: 'PUT', body: { disabled: true }, schema: advisorResponseSchema });
      return true;
    });
    setPending(null);
    if (done) await reload();
  }

  async function enable(advisor: AdvisorListing) {
    if (await run(() => consoleApi(`${path(advisor)}/disabled`, { method: 'PUT', body: { disabled: false }, schema: advisorResponseSchema }))) await reload();
  }

  return (
    <section aria-labelledby="admin-advisors" className="admin-section">
      <h2 id="admin-advisors">{say(W.advisors)}</h2>
      {shown && <PasswordOnce shown={shown} onDone={() => setShown(null)} />}
      <Problem text={problem} />
      {pending && (
        <ConfirmBox
          text={say(pending.kind === 'reset' ? W.confirmReset : W.confirmDisable, { name: pending.advisor.name })}
          confirm={say(pending.kind === 'reset' ? W.resetPassword : W.disable)}
          danger={pending.kind === 'disable'}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
      {advisors === null ? (
        <p className="console-loading">{say(W.loading)}</p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{say(W.name)}</th>
              <th scope="col">{say(W.username)}</th>
              <th scope="col">{say(W.role)}</th>
              <th scope="col">{say(W.state)}</th>
              <th scope="col">{say(W.actions)}</th>
            </tr>
          </thead>
          <tbody>
            {advisors.map((advisor) => (
              <tr key={advisor.id} className={advisor.disabledAt ? 'admin-disabled' : undefined}>
                <td>
                  {advisor.name}
                  {advisor.id === me.id && say(W.you)}
                </td>
                <td>{advisor.username}</td>
                <td>{say(advisor.role === 'admin' ? W.roleAdmin : W.roleAdvisor)}</td>
                <td>{advisor.disabledAt ? say(W.disabledSince, { when: when(advisor.disabledAt) }) : say(W.active)}</td>
                <td className="admin-actions">
                  <button type="button" className="console-button" disabled={busy} onClick={() => setPending({ kind: 'reset', advisor })}>
                    {say(W.resetPassword)}
                  </button>
                  {advisor.disabledAt ? (
                    <button type="button" className="console-button" disabled={busy} onClick={() => void enable(advisor)}>
                      {say(W.enable)}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="console-button console-danger"
                      disabled={busy || advisor.id === me.id}
                      title={advisor.id === me.id ? say(W.cannotDisableSelf) : undefined}
                      onClick={() => setPending({ kind: 'disable', advisor })}
                    >
                      {say(W.disable)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddAdvisorForm
        onAdded={(added) => {
          setShown(added);
          void reload();
        }}
      />
    </section>
  );
}

/** A generated password, shown this once: the server keeps only its hash. */
export function PasswordOnce({ shown, onDone }: { shown: AdvisorPasswordResponse; onDone: () => void }) {
  const say = useSay();
  const box = useRef<HTMLDivElement>(null);
  // Brought into view (the form that asked may be far below, under a long list) and read out.
  useEffect(() => box.current?.focus(), [shown]);
  return (
    <div ref={box} tabIndex={-1} role="status" className="console-card admin-once">
      <p>{say(W.passwordOnce, { name: shown.advisor.name, username: shown.advisor.username })}</p>
      <p className="admin-secret" data-testid="password-once">
        {shown.password}
      </p>
      <button type="button" className="console-button console-primary" onClick={onDone}>
        {say(W.done)}
      </button>
    </div>
  );
}
