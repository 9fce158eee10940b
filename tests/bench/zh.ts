// The app's own zh-CN wording for the benches that drive the built app, so a run finds its
// controls however they are worded, and a renamed message key fails loudly instead of a locator
// waiting for text that no longer exists.
import { loadScreenMessages, MESSAGES } from '../../src/ui/messages.ts';

// All of them, not only the job list's: the benches drive every screen.
await loadScreenMessages();

const zhCN = MESSAGES['zh-CN'] as Record<string, string | undefined>;

/** The zh-CN text of `key`, with `{name}` placeholders filled from `params`. */
export function zh(key: string, params: Record<string, string> = {}): string {
  const text = zhCN[key];
  if (text === undefined) throw new Error(`src/ui/messages.ts has no zh-CN message ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
