// Every screen but the job list loads its code through here: screens.css (the rules the job
// list does not use, kept off its start) is in the page before the screen's code and its own
// styles, so those still come after it and nothing shows unstyled.

let loading: Promise<unknown> | null = null;

/** screens.css, once; a failed load (offline with a broken precache) is tried again next time. */
function loadScreenStyles(): Promise<unknown> {
  loading ??= import('./screens.css').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** `load` (a screen's dynamic import) run once screens.css is in. */
export function withScreenStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return () => loadScreenStyles().then(load);
}
