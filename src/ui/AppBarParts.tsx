import { useI18n } from './i18n.tsx';
import { useOnline } from './online.ts';

/** Online or offline, always in view: the advisor should never have to wonder. */
export function NetStatus() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <span className={`net net-${online ? 'online' : 'offline'}`} role="status">
      {online ? t('app.online') : t('app.offline')}
    </span>
  );
}

/** Switches between zh-CN and English; its label is in the other language. */
export function LanguageButton({ className = 'btn btn-quiet' }: { className?: string }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <button type="button" className={className} lang={language === 'en' ? 'zh-CN' : 'en'} onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
      {t('app.language')}
    </button>
  );
}
