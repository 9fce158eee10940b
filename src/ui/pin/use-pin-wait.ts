import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { PinTriesStore } from './pin-tries.ts';

type PinWait = {
  waiting: boolean;
  /** "错误次数过多，请 N 秒后再试", counting down each second, or null when a PIN may be tried. */
  message: string | null;
  /** Reads the count again, after a wrong PIN was recorded. */
  refresh: () => void;
};

/** The pause after wrong PINs (pin-tries.ts) as a PIN screen shows it: a visible countdown. */
export function usePinWait(tries: PinTriesStore): PinWait {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  const waitMs = tries.waitMs(now);
  const waiting = waitMs > 0;

  // The countdown stops by itself when the wait is over.
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  return {
    waiting,
    message: waiting ? t('pin.wait', { seconds: Math.ceil(waitMs / 1000) }) : null,
    refresh: () => setNow(Date.now()),
  };
}
