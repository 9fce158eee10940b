// The console's frame: sign in, then the areas the user's role may see, each a page of its
// own loaded when first opened (the charts, spreadsheets and QR codes load with their pages,
// never with the first one). Addresses are /console/<area>, so a page can be bookmarked.
import { Component, lazy, Suspense, useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { consoleSessionSchema, type ConsoleSession } from '../shared/console/session-api.ts';
import { ConsoleApiError, consoleApi, setCsrfToken, whenSignedOut } from './console-api.ts';
import { LanguageProvider, useLanguage, useSay, type Words } from './language.tsx';
import { SessionContext } from './session.tsx';

const AREAS = {
  reports: { words: { zh: '报表', en: 'Reports' }, adminOnly: false, Page: lazy(() => import('./reports/ReportsPage.tsx')) },
  appointments: { words: { zh: '预约', en: 'Appointments' }, adminOnly: false, Page: lazy(() => import('./appointments/AppointmentsPage.tsx')) },
  archive: { words: { zh: '客户档案', en: 'Card archive' }, adminOnly: false, Page: lazy(() => import('./archive/ArchivePage.tsx')) },
  export: { words: { zh: '导出 DMS', en: 'DMS export' }, adminOnly: false, Page: lazy(() => import('./export/ExportPage.tsx')) },
  admin: { words: { zh: '门店管理', en: 'Administration' }, adminOnly: true, Page: lazy(() => import('./admin/AdminPage.tsx')) },
} as const;
type Area = keyof typeof AREAS;

const W = {
  title: { zh: '门店管理台', en: 'Store console' },
  store: { zh: '门店代码', en: 'Store code' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  signIn: { zh: '登录', en: 'Sign in' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  adminOnly: { zh: '只有门店管理员可以打开此页面。', en: 'Only the store administrator can open this page.' },
  pageFailed: { zh: '此页面加载失败：请检查网络后刷新。', en: 'This page did not load: check the network and reload.' },
  hint: { zh: '与平板上相同的用户名和密码。', en: 'The same username and password as on the tablets.' },
} satisfies Record<string, Words>;

function areaOfPath(pathname: string): Area {
  const name = pathname.replace(/^\/console\/?/, '').split('/')[0] ?? '';
  return name in AREAS ? (name as Area) : 'reports';
}

export function ConsoleApp() {
  return (
    <LanguageProvider>
      <Console />
    </LanguageProvider>
  );
}

function Console() {
  const say = useSay();
  const [session, setSession] = useState<ConsoleSession | null | undefined>(undefined);
  const [area, setArea] = useState<Area>(() => areaOfPath(location.pathname));

  const signedIn = useCallback((next: ConsoleSession) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    whenSignedOut(() => setSession(null));
    consoleApi('/api/v1/console/session', { schema: consoleSessionSchema }).then(signedIn, () => setSession(null));
    const onPop = () => setArea(areaOfPath(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [signedIn]);

  const open = (next: Area) => {
    history.pushState(null, '', `/console/${next}`);
    setArea(next);
  };

  if (session === undefined) return <p className="console-loading">{say(W.loading)}</p>;
  if (session === null) return <SignIn onSignedIn={signedIn} />;

  const isAdmin = session.advisor.role === 'admin';
  const { Page, adminOnly } = AREAS[area];
  return (
    <SessionContext.Provider value={session}>
      <header className="console-bar">
        <strong className="console-title">
          {say(W.title)} · {session.store.name}
        </strong>
        <nav className="console-nav" aria-label={say(W.title)}>
          {(Object.keys(AREAS) as Area[])
            .filter((name) => isAdmin || !AREAS[name].adminOnly)
            .map((name) => (
              <button key={name} type="button" className="console-tab" aria-current={name === area ? 'page' : undefined} onClick={() => open(name)}>
                {say(AREAS[name].words)}
              </button>
            ))}
        </nav>
        <span className="console-user">{session.advisor.name}</span>
        <LanguageSwitch />
        <button
          type="button"
          className="console-button"
          onClick={() => void consoleApi('/api/v1/console/sign-out', { method: 'POST' }).finally(() => setSession(null))}
        >
          {say(W.signOut)}
        </button>
      </header>
      <main className="console-main">
        {adminOnly && !isAdmin ? (
          <p role="alert" className="console-error">
            {say(W.adminOnly)}
          </p>
        ) : (
          <PageBoundary key={area} failed={say(W.pageFailed)}>
            <Suspense fallback={<p className="console-loading">{say(W.loading)}</p>}>
              <Page />
            </Suspense>
          </PageBoundary>
        )}
      </main>
    </SessionContext.Provider>
  );
}

function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <button type="button" className="console-button" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
      {language === 'en' ? '中文' : 'English'}
    </button>
  );
}

const LAST_STORE_KEY = 'walkaround.console.store';

function SignIn({ onSignedIn }: { onSignedIn: (session: ConsoleSession) => void }) {
  const say = useSay();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { store: String(form.get('store') ?? ''), username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') };
    setBusy(true);
    setError('');
    try {
      const session = await consoleApi('/api/v1/console/sign-in', { method: 'POST', body, schema: consoleSessionSchema });
      try {
        localStorage.setItem(LAST_STORE_KEY, body.store);
      } catch {
        // Nothing to remember in a browser that keeps nothing.
      }
      onSignedIn(session);
    } catch (caught) {
      setError(caught instanceof ConsoleApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  let lastStore = '';
  try {
    lastStore = localStorage.getItem(LAST_STORE_KEY) ?? '';
  } catch {
    // As above.
  }
  return (
    <main className="console-sign-in">
      <form onSubmit={(event) => void submit(event)} className="console-card">
        <h1>{say(W.title)}</h1>
        <p className="console-hint">{say(W.hint)}</p>
        <label>
          {say(W.store)}
          <input name="store" defaultValue={lastStore} autoComplete="organization" required maxLength={6} />
        </label>
        <label>
          {say(W.username)}
          <input name="username" autoComplete="username" required maxLength={40} />
        </label>
        <label>
          {say(W.password)}
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        {error && (
          <p role="alert" className="console-error">
            {error}
          </p>
        )}
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {say(busy ? W.signingIn : W.signIn)}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}

/** A page whose code failed to load (the network went) says so instead of a blank screen. */
class PageBoundary extends Component<{ failed: string; children: ReactNode }, { broken: boolean }> {
  override state = { broken: false };
  static getDerivedStateFromError() {
    return { broken: true };
  }
  override render() {
    return this.state.broken ? (
      <p role="alert" className="console-error">
        {this.props.failed}
      </p>
    ) : (
      this.props.children
    );
  }
}
