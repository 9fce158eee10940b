// One request's answer for a view of the archive: loading, the data, or an error a person can
// act on (console-api.ts's message). A newer request replaces an older one still on its way.
import { useEffect, useState } from 'react';

export type Answer<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; message: string };

export function useAnswer<T>(load: (() => Promise<T>) | null, key: string): Answer<T> | null {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  useEffect(() => {
    if (!load) {
      setAnswer(null);
      return;
    }
    let current = true;
    setAnswer({ state: 'loading' });
    load().then(
      (data) => current && setAnswer({ state: 'done', data }),
      (error: unknown) => current && setAnswer({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // The key names the request: `load` is a new function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer;
}
