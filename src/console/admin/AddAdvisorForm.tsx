// Adding an advisor or admin: username, name and role. The server makes the password and
// answers it once; the username's rule is the server's (store-admin.ts addAdvisor), so a
// refusal shows its message beside the form.
import { useState, type FormEvent } from 'react';
import { ADMIN_API, advisorPasswordResponseSchema, type AdvisorPasswordResponse } from '../../shared/console/admin-api.ts';
import type { AdvisorRole } from '../../shared/protocol.ts';
import { consoleApi } from '../console-api.ts';
import { useSay } from '../language.tsx';
import { Problem, useAction } from './admin-ui.tsx';
import { W } from './messages.ts';

export function AddAdvisorForm({ onAdded }: { onAdded: (added: AdvisorPasswordResponse) => void }) {
  const say = useSay();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<AdvisorRole>('advisor');
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const added = await run(() =>
      consoleApi(`${ADMIN_API}/advisors`, { method: 'POST', body: { username: username.trim(), name: name.trim(), role }, schema: advisorPasswordResponseSchema }),
    );
    if (!added) return;
    setUsername('');
    setName('');
    setRole('advisor');
    onAdded(added);
  }

  return (
    <form className="console-card admin-form" aria-labelledby="admin-add-advisor" onSubmit={(e) => void submit(e)}>
      <h3 id="admin-add-advisor">{say(W.addAdvisor)}</h3>
      <label className="console-field">
        {say(W.username)}
        <input value={username} required autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} onChange={(e) => setUsername(e.target.value)} />
        <span className="console-hint">{say(W.usernameHint)}</span>
      </label>
      <label className="console-field">
        {say(W.name)}
        <input value={name} required maxLength={60} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="console-field">
        {say(W.role)}
        <select value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'advisor')}>
          <option value="advisor">{say(W.roleAdvisor)}</option>
          <option value="admin">{say(W.roleAdmin)}</option>
        </select>
      </label>
      <Problem text={problem} />
      <button type="submit" className="console-button console-primary" disabled={busy}>
        {busy ? say(W.working) : say(W.add)}
      </button>
    </form>
  );
}
