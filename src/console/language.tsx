// The console's two languages: zh-CN first, English on request (remembered in this browser).
// Each area keeps its strings beside it as { zh, en } pairs and says them with useSay().
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type ConsoleLanguage = 'zh-CN' | 'en';
/** One string in both languages; `{name}` placeholders are filled from `values`. */
export type Words = { zh: string; en: string };

const STORAGE_KEY = 'walkaround.console.language';

type LanguageState = { language: ConsoleLanguage; setLanguage: (language: ConsoleLanguage) => void };
const LanguageContext = createContext<LanguageState>({ language: 'zh-CN', setLanguage: () => undefined });

function remembered(): ConsoleLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<ConsoleLanguage>(remembered);
  const setLanguage = useCallback((next: ConsoleLanguage) => {
    setState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that keeps nothing still switches for this visit.
    }
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** A function that says a pair of words in the console's language, placeholders filled. */
export function useSay(): (words: Words, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback(
    (words, values = {}) => fill(language === 'en' ? words.en : words.zh, values),
    [language],
  );
}

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
