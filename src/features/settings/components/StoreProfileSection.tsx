import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { getServerStoreProfile, getStoreProfile, getTabletStoreProfile, saveTabletStoreProfile } from '../../../db/store-profile.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { StoreProfileFields } from '../../../shared/store-profile.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { storeFieldsOf, storeFormOf, storeFormProblems, STORE_TEXT_LIMITS, type StoreForm } from '../../../ui/store-profile-form.ts';
import { StoreDefaultsFields } from './StoreDefaultsFields.tsx';
import { StoreTextField } from './StoreTextField.tsx';
import '../store-profile.css';

/**
 * 门店信息: the store's name, address and phone for the head of the customer's copy, and the
 * estimate terms offered first, as set on this tablet. Where the store server has a value,
 * it is shown beside the field: that one is printed.
 */
export function StoreProfileSection() {
  const { t } = useI18n();
  const tablet = useLiveQuery(async () => (await getTabletStoreProfile(db)) ?? null, []);
  const server = useLiveQuery(async () => (await getServerStoreProfile(db)) ?? null, []);
  const profile = useLiveQuery(() => getStoreProfile(db), []);
  if (tablet === undefined || server === undefined || profile === undefined) return null;
  return (
    <section className="store-profile" aria-labelledby="store-profile-title">
      <h2 id="store-profile-title">{t('store.title')}</h2>
      <p>{t('store.intro')}</p>
      <p className="banner banner-info">{t(`store.source.${profile.source}`)}</p>
      {/* Mounted once the saved profile is read, so the form starts from it; saving keeps the form (and says so). */}
      <StoreProfileForm saved={tablet ?? undefined} server={server ?? undefined} />
    </section>
  );
}

function StoreProfileForm({ saved, server }: { saved: StoreProfileFields | undefined; server: StoreProfileFields | undefined }) {
  const { t } = useI18n();
  const [form, setForm] = useState<StoreForm>(() => storeFormOf(saved));
  const [showProblems, setShowProblems] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'failed'; reason: string } | null>(null);
  const problems = storeFormProblems(form);
  const shown = showProblems ? problems : {};
  const message = (field: keyof typeof problems) => {
    const problem = shown[field];
    return problem ? t(problem.key, problem.params) : undefined;
  };
  const change = (patch: Partial<StoreForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setStatus(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    try {
      await saveTabletStoreProfile(db, storeFieldsOf(form));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', reason: errorText(error) });
    }
  }

  return (
    <form className="store-profile-form" noValidate onSubmit={(e) => void submit(e)}>
      {(['name', 'address', 'phone'] as const).map((field) => (
        <StoreTextField
          key={field}
          label={t(`store.${field}`)}
          value={form[field]}
          maxLength={STORE_TEXT_LIMITS[field]}
          inputMode={field === 'phone' ? 'tel' : undefined}
          serverValue={server?.[field] ?? ''}
          error={message(field)}
          onChange={(value) => change({ [field]: value })}
        />
      ))}
      <StoreDefaultsFields form={form} server={server?.defaults ?? {}} hoursError={message('promisedInHours')} onChange={change} />
      {showProblems && Object.keys(problems).length > 0 && (
        <p className="banner banner-error" role="alert">
          {t('store.error.fix')}
        </p>
      )}
      {status?.kind === 'saved' && (
        <p className="banner banner-ok" role="status">
          {t('store.saved')}
        </p>
      )}
      {status?.kind === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('store.saveFailed', { reason: status.reason })}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large">
        {t('store.save')}
      </button>
    </form>
  );
}
