// The current time for screens whose words depend on it (超时 / 即将到期, 回访 due): re-read
// every so often, so a card turns overdue on a list left open, without a reload.
import { useEffect, useState } from 'react';

export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
