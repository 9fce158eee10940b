// Which device of a store is its console (console-writer.ts writes as it): a device no tablet
// holds, so the store's tablet lists (admin, console and command line) leave it out.
import { createHash } from 'node:crypto';

/**
 * The console's client id in a store: derived from the store's id, so every server process
 * finds the same device without keeping anything, shaped as a UUID (version 4 bits set).
 */
export function consoleClientId(storeId: string): string {
  const hex = createHash('sha256').update(`walkaround-console:${storeId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

