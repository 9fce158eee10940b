// The store's profile as the customer's copy prints it (name, address, phone) and the estimate
// terms the desk starts from. The form's rules and messages are the tablet's own settings form
// (features/settings/store-profile-form.ts); the server checks them again (setStoreProfile).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ADMIN_API } from '../../shared/console/admin-api.ts';
import { OLD_PARTS, PAYMENT_METHODS, type OldParts, type PaymentMethod } from '../../shared/estimate.ts';
import { MAX_PROMISED_IN_HOURS, storeProfileResponseSchema } from '../../shared/store-profile.ts';
import { storeFieldsOf, storeFormOf, storeFormProblems, STORE_TEXT_LIMITS, type StoreForm, type StoreFormField } from '../../ui/store-profile-form.ts';
import { ESTIMATE_MESSAGES } from '../../ui/messages/estimate.ts';
import { STORE_MESSAGES, type StoreMessageKey } from '../../ui/messages/store.ts';
import { consoleApi } from '../console-api.ts';
import { fill, useLanguage, useSay } from '../language.tsx';
import { Problem, useAction } from './admin-ui.tsx';
import { W } from './messages.ts';

export function StoreProfileSection() {
  const say = useSay();
  const { language } = useLanguage();
  const [form, setForm] = useState<StoreForm | null>(null);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<StoreFormField, string>>>({});
  const { busy, problem, run } = useAction();

  const load = useCallback(() => run(async () => setForm(storeFormOf((await consoleApi(`${ADMIN_API}/store-profile`, { schema: storeProfileResponseSchema })).profile))), [run]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!form) return <Problem text={problem} />;
  const change = (patch: Partial<StoreForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const words = { ...ESTIMATE_MESSAGES[language], ...STORE_MESSAGES[language] };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const found = storeFormProblems(form);
    setProblems(Object.fromEntries(Object.entries(found).map(([field, p]) => [field, fill(STORE_MESSAGES[language][p.key as StoreMessageKey], p.params ?? {})])));
    if (Object.keys(found).length > 0) return;
    const answer = await run(() => consoleApi(`${ADMIN_API}/store-profile`, { method: 'PUT', body: storeFieldsOf(form), schema: storeProfileResponseSchema }));
    if (!answer) return;
    setForm(storeFormOf(answer.profile));
    setSaved(true);
  }

  const text = (field: 'name' | 'address' | 'phone', label: string) => (
    <label className="console-field">
      {label}
      <input
        value={form[field]}
        maxLength={STORE_TEXT_LIMITS[field] + 20}
        aria-invalid={problems[field] ? true : undefined}
        onChange={(e) => change({ [field]: e.target.value })}
      />
      {problems[field] && <span className="console-error">{problems[field]}</span>}
    </label>
  );

  return (
    <section aria-labelledby="admin-profile" className="admin-section">
      <h2 id="admin-profile">{say(W.profile)}</h2>
      <form className="console-card admin-form" noValidate onSubmit={(e) => void save(e)}>
        {text('name', say(W.storeName))}
        {text('address', say(W.address))}
        {text('phone', say(W.phone))}
        <fieldset className="admin-fieldset">
          <legend>{say(W.defaults)}</legend>
          <label className="console-field">
            {say(W.oldParts)}
            <select value={form.oldParts ?? ''} onChange={(e) => change({ oldParts: (e.target.value || null) as OldParts | null })}>
              <option value="">{say(W.notChosen)}</option>
              {OLD_PARTS.map((value) => (
                <option key={value} value={value}>
                  {words[`oldParts.${value}`]}
                </option>
              ))}
            </select>
          </label>
          <label className="console-field">
            {say(W.payment)}
            <select value={form.payment ?? ''} onChange={(e) => change({ payment: (e.target.value || null) as PaymentMethod | null })}>
              <option value="">{say(W.notChosen)}</option>
              {PAYMENT_METHODS.map((value) => (
                <option key={value} value={value}>
                  {words[`payment.${value}`]}
                </option>
              ))}
            </select>
          </label>
          <label className="console-field">
            {say(W.carWash)}
            <select value={form.carWash === null ? '' : String(form.carWash)} onChange={(e) => change({ carWash: e.target.value === '' ? null : e.target.value === 'true' })}>
              <option value="">{say(W.notChosen)}</option>
              <option value="true">{say(W.yes)}</option>
              <option value="false">{say(W.no)}</option>
            </select>
          </label>
          <label className="console-field">
            {say(W.promisedInHours, { max: MAX_PROMISED_IN_HOURS })}
            <input inputMode="numeric" value={form.promisedInHours} aria-invalid={problems.promisedInHours ? true : undefined} onChange={(e) => change({ promisedInHours: e.target.value })} />
            {problems.promisedInHours && <span className="console-error">{problems.promisedInHours}</span>}
          </label>
        </fieldset>
        <p className="console-hint">{say(W.logoNotYet)}</p>
        <Problem text={problem} />
        {saved && (
          <p role="status" className="console-ok">
            {say(W.saved)}
          </p>
        )}
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {busy ? say(W.working) : say(W.save)}
        </button>
      </form>
    </section>
  );
}
