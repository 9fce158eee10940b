import { useState, type FormEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { signInAdvisor } from '../../../sync/enrollment.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { loadSyncEngine } from '../../../ui/sync/engine.ts';
import { asFailure, failureMessage } from '../../../ui/sync/failure-text.ts';

type PasswordSignInProps = { hold: (on: boolean) => void; onBack?: (() => void) | undefined };

/** Username and password, checked by the server (so online only); a PIN is set next. */
export function PasswordSignIn({ hold, onBack }: PasswordSignInProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (working || !username.trim() || !password) return;
    setWorking(true);
    setError(null);
    // Held before the session changes, so an advisor who already has a PIN here (and forgot
    // it) still gets to set a new one before the app opens.
    hold(true);
    try {
      await signInAdvisor(db, { username: username.trim(), password });
      void loadSyncEngine().then((engine) => engine.syncNow());
    } catch (failure) {
      hold(false);
      const message = failureMessage(asFailure(failure));
      setError(t(message.key, message.params));
      setPassword('');
      setWorking(false);
    }
  }

  return (
    <form className="sign-in" noValidate onSubmit={(e) => void submit(e)}>
      <PinHeading hint={t('signIn.needsNetwork')}>{t('signIn.title')}</PinHeading>
      <Field label={t('signIn.username')}>
        {(props) => (
          <input
            {...props}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('signIn.password')}>
        {(props) => <input {...props} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="pin-actions">
        {onBack && <PinBackButton label={t('signIn.back')} onClick={onBack} />}
        <button type="submit" className="btn btn-primary btn-large" disabled={working || !username.trim() || !password}>
          {working ? t('signIn.working') : t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
