import { useState, type FormEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { hasControlCharacters } from '../../../shared/plain-text.ts';
import { enrollTablet } from '../../../sync/enrollment.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { useOnline } from '../../../ui/online.ts';
import { loadSyncEngine } from '../../../ui/sync/engine.ts';
import { asFailure, failureMessage } from '../../../ui/sync/failure-text.ts';
import { enrollmentCodeProblem, normalizeEnrollmentCode } from '../enrollment-code.ts';

/**
 * The enrollment code from the store administrator (typed, or in the address the console's QR
 * code opens) and a name for the tablet. On success the tablet belongs to the store: the app
 * locks until an advisor signs in (the lock screen shows the store and the tablet's letter) and
 * the first sync starts.
 */
export function ConnectForm() {
  const { t } = useI18n();
  const online = useOnline();
  // The console's QR code opens /settings?enroll=CODE: the code arrives filled in.
  const [code, setCode] = useState(() => normalizeEnrollmentCode(new URLSearchParams(location.search).get('enroll') ?? ''));
  const [name, setName] = useState(() => t('connect.defaultName'));
  const [codeError, setCodeError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (working) return;
    const problem = enrollmentCodeProblem(code);
    if (problem) return setCodeError(t(problem.code, problem));
    // The server refuses such a name too; here it is said beside the field, in the advisor's language.
    if (hasControlCharacters(name.trim())) return setNameError(t('deviceName.controlCharacters'));
    setWorking(true);
    setError(null);
    try {
      await enrollTablet(db, { code, deviceName: name.trim() || t('connect.defaultName') });
      // The store's advisors and cards come with the first sync; the lock screen waits for them.
      void loadSyncEngine().then((engine) => engine.syncNow());
      navigate('/', { replace: true });
    } catch (failure) {
      const message = failureMessage(asFailure(failure));
      setError(t(message.key, message.params));
      setWorking(false);
    }
  }

  return (
    <form className="connect-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={t('connect.code')} hint={t('connect.codeHint')} error={codeError ?? undefined}>
        {(props) => (
          <input
            {...props}
            className="code-input"
            autoCapitalize="characters"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            value={code}
            onChange={(e) => {
              setCode(normalizeEnrollmentCode(e.target.value));
              setCodeError(null);
            }}
          />
        )}
      </Field>
      <Field label={t('connect.deviceName')} error={nameError ?? undefined}>
        {(props) => (
          <input
            {...props}
            maxLength={60}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
          />
        )}
      </Field>
      {!online && <p className="banner banner-info">{t('connect.offline')}</p>}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large" disabled={working}>
        {working ? t('connect.working') : t('connect.submit')}
      </button>
    </form>
  );
}
