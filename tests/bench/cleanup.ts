// Tracks what the benchmark has started (servers, browsers, temp folders) so that every exit
// path, including an error or the watchdog, closes and removes all of it exactly once.

type Closer = { label: string; close: () => Promise<void> | void };

const open: Closer[] = [];

/** Registers a resource; the returned function releases it now (and only once). */
export function defer(label: string, close: () => Promise<void> | void): () => Promise<void> {
  const closer: Closer = { label, close };
  open.push(closer);
  return async () => {
    const index = open.indexOf(closer);
    if (index === -1) return;
    open.splice(index, 1);
    await closer.close();
  };
}

/** Releases everything still open, newest first; failures are reported, not thrown. */
export async function releaseAll(timeoutMs = 15_000): Promise<void> {
  while (open.length > 0) {
    const closer = open.pop();
    if (!closer) break;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(closer.close),
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      console.error(`cleanup: could not close ${closer.label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
