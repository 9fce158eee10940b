// The current language and the `t()` that reads MESSAGES. The choice is kept in localStorage
// so it survives reloads and offline restarts; zh-CN is the default, as at the desk.
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { loadScreenMessages, MESSAGES, onScreenMessages, screenMessagesLoaded, type Language, type MessageKey } from './messages.ts';

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

  // The screens' strings arriving make a new t(), so whatever read one too early shows it.
  // The same snapshot serves a render to a string (the printed copy is drawn that way).
  const screensLoaded = useSyncExternalStore(onScreenMessages, screenMessagesLoaded, screenMessagesLoaded);
  const t = useCallback<Translate>(
    (key, params) => {
      const template = messageTemplate(language, key, screensLoaded);
      return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
    },
    [language, screensLoaded],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The template of `key` in `language`. A screen's string asked for before the screens' strings
 * are loaded (every screen loads them with its code: App.tsx, withScreenMessages) is a bug the
 * unit test message-areas catches; should one reach a tablet, it reads blank for a moment while
 * the strings load (the provider renders again when they are in): never a raw key.
 */
export function messageTemplate(language: Language, key: MessageKey, screensLoaded: boolean): string {
  const template = MESSAGES[language][key];
  if (template !== undefined) return template;
  // Unreachable for a typed key once all is loaded; should a cast sneak one in, the key beats a blank.
  if (screensLoaded) return key;
  console.error(`message ${key} was asked for before the screens' strings were loaded`);
  void loadScreenMessages().catch(() => undefined);
  return '';
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
