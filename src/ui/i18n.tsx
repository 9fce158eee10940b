// The current language and the `t()` that reads MESSAGES. The choice is kept in localStorage
// so it survives reloads and offline restarts; zh-CN is the default, as at the desk.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Language, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'walkaround.language';

// Only a key with a message in both languages type-checks: a typo or a missing translation
// fails `tsc`, not the advisor. Keys built from data go through isMessageKey (messages.ts).
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);

  const t = useCallback<Translate>(
    (key, params) => {
      // Unreachable for a typed key; should a cast sneak one in, the key beats a blank.
      const template = MESSAGES[language][key] ?? key;
      return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
    },
    [language],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
