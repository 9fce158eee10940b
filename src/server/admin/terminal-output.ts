// What the admin command line prints goes through here: text from the database (a tablet's
// name, chosen on the tablet) must not reach the administrator's terminal raw, where ESC
// could clear the screen or retitle the window and U+202E could turn a line around.
import { printable } from '../../shared/plain-text.ts';
import type { Storage } from '../storage/storage.ts';
import type { StoreSummary } from '../../shared/protocol.ts';
import { storeTablets } from './store-admin.ts';

/** The whole output, with everything but its lines and tab-separated columns shown escaped. */
export function forTerminal(output: string): string {
  return output
    .split('\n')
    .map((line) => line.split('\t').map(printable).join('\t'))
    .join('\n');
}

/** One line of a listing: each cell escaped on its own, so a newline or tab in a name cannot forge a row. */
function row(...cells: string[]): string {
  return cells.map(printable).join('\t');
}

/** The store's tablets, one per line: letter, name, enrolled, last seen, revoked, id. */
export async function deviceList(storage: Storage, store: StoreSummary): Promise<string> {
  const lines = (await storeTablets(storage, store)).map((d) =>
    row(d.code, d.name, `enrolled ${d.enrolledAt}`, `last seen ${d.lastSeenAt ?? '-'}`, ...(d.revokedAt ? [`REVOKED ${d.revokedAt}`] : []), d.id),
  );
  return lines.join('\n') || 'No tablets enrolled yet.';
}
