// What a store administrator does on the server: create a store, add advisors, hand out
// enrollment codes for tablets, revoke a lost tablet. Used by the admin command line
// (cli.ts) and by the demo seed of `npm start`. Passwords are generated, shown once, and only
// their scrypt hash is kept.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseCatalogueCsv, type CsvRowError } from '../../shared/catalogue-csv.ts';
import { fillPlaceholders } from '../../shared/fill-placeholders.ts';
import { CSV_ERROR_MESSAGES } from '../../shared/catalogue-csv-messages.ts';
import { hasControlCharacters } from '../../shared/plain-text.ts';
import { SAMPLE_CATALOGUE } from '../../shared/catalogue-sample.ts';
import { OLD_PARTS, PAYMENT_METHODS } from '../../shared/estimate.ts';
import { passwordSchema, usernameSchema, type Advisor, type AdvisorRole, type StoreSummary } from '../../shared/protocol.ts';
import { MAX_PROMISED_IN_HOURS, storeProfileFieldsSchema, type StoreLogo, type StoreProfileFields } from '../../shared/store-profile.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newEnrollmentCode } from '../auth/tokens.ts';
import { consoleClientId } from '../console/console-client-id.ts';
import type { AdvisorListing, DeviceRecord, EnrollmentCodeRecord, Storage } from '../storage/storage.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export class AdminError extends Error {
  /** A stable code for the console's API (the command line only prints the message). */
  constructor(
    message: string,
    readonly reason = 'admin_refused',
  ) {
    super(message);
  }
}

/** A password an advisor can type on a tablet: 12 letters and digits. */
export function generatePassword(): string {
  return randomBytes(9).toString('base64').replace(/[+/]/g, 'x');
}

export async function requireStore(storage: Storage, code: string): Promise<StoreSummary> {
  const store = await storage.findStoreByCode(code.toUpperCase());
  if (!store) throw new AdminError(`No store with the code ${code}. Create it with: npm run admin -- create-store ${code} "<name>"`);
  return store;
}

export async function createStore(storage: Storage, code: string, name: string): Promise<StoreSummary> {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,6}$/.test(normalized)) throw new AdminError('A store code is 2 to 6 letters or digits, e.g. SH01; it starts every job number.');
  if (await storage.findStoreByCode(normalized)) throw new AdminError(`A store with the code ${normalized} exists already.`);
  requirePlainName(name, 'A store name');
  const store = await storage.createStore({ code: normalized, name: name.trim() || normalized });
  // A new store starts with the sample catalogue; import its own with import-catalogue.
  await storage.replaceCatalogue(store.id, SAMPLE_CATALOGUE);
  return store;
}

// Names are shown on the tablets and printed in this terminal: no escapes, no invisible marks.
function requirePlainName(name: string, what: string): void {
  if (hasControlCharacters(name.trim())) {
    throw new AdminError(`${what} cannot hold control or invisible characters (terminal escapes, direction marks, zero-width spaces). Type it again as plain text.`);
  }
}

export async function addAdvisor(
  storage: Storage,
  store: StoreSummary,
  input: { username: string; name: string; role: AdvisorRole; password?: string },
): Promise<{ advisor: Advisor; password: string }> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw new AdminError('A username is 2 to 40 lower-case letters, digits, dots, dashes or underscores.');
  if (await storage.findAdvisorByUsername(store.id, username.data)) throw new AdminError(`${username.data} exists already in ${store.code}.`, 'username_taken');
  requirePlainName(input.name, "An advisor's name");
  const password = input.password ?? generatePassword();
  if (!passwordSchema.safeParse(password).success) throw new AdminError('A password has at least 8 characters.');
  const advisor = await storage.createAdvisor(store.id, {
    username: username.data,
    name: input.name.trim() || username.data,
    role: input.role,
    passwordHash: await hashPassword(password),
  });
  return { advisor, password };
}

export async function resetPassword(storage: Storage, store: StoreSummary, username: string): Promise<string> {
  const advisor = await storage.findAdvisorByUsername(store.id, username.trim().toLowerCase());
  if (!advisor) throw new AdminError(`No advisor ${username} in ${store.code}.`, 'not_found');
  const password = generatePassword();
  await storage.setAdvisorPassword(store.id, advisor.id, await hashPassword(password));
  return password;
}

/**
 * Disables an advisor (no more sign-ins on the tablets or the console; their cards stay theirs)
 * or enables them again. `by`, the admin doing it, may not disable themself: their own sign-in
 * would end mid-change with nobody to undo it. Nor may the store's last active admin go: the
 * store would be left with no one to add advisors, revoke a lost tablet or issue codes.
 */
export async function setAdvisorDisabled(
  storage: Storage,
  store: StoreSummary,
  username: string,
  disabled: boolean,
  by?: { advisorId: string },
  now = new Date(),
): Promise<AdvisorListing> {
  const advisor = await storage.findAdvisorByUsername(store.id, username.trim().toLowerCase());
  if (!advisor) throw new AdminError(`No advisor ${username} in ${store.code}.`, 'not_found');
  if (disabled && advisor.id === by?.advisorId) {
    throw new AdminError('You cannot disable yourself: your own sign-in would end with nobody to undo it. Ask another admin of the store to do it.', 'cannot_disable_self');
  }
  const outcome = await storage.setAdvisorDisabled(store.id, advisor.id, disabled ? now.toISOString() : null);
  if (outcome === 'notFound') throw new AdminError(`No advisor ${username} in ${store.code}.`, 'not_found');
  if (outcome === 'lastAdmin') {
    throw new AdminError(
      `${advisor.name} is the last active admin of ${store.code}: without one nobody could add advisors, revoke a lost tablet or issue enrollment codes. Add another admin first.`,
      'last_admin',
    );
  }
  const listed = (await storage.listAllAdvisors(store.id)).find((a) => a.id === advisor.id);
  if (!listed) throw new AdminError(`No advisor ${username} in ${store.code}.`, 'not_found');
  return listed;
}

export async function issueEnrollmentCode(storage: Storage, store: StoreSummary, days = 7, uses = 10, now = new Date()): Promise<EnrollmentCodeRecord> {
  if (!(days > 0 && days <= 90)) throw new AdminError('An enrollment code is valid for 1 to 90 days.');
  if (!(Number.isInteger(uses) && uses > 0 && uses <= 100)) throw new AdminError('An enrollment code can enroll 1 to 100 tablets.');
  return storage.createEnrollmentCode(store.id, {
    code: newEnrollmentCode(),
    expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    uses,
  });
}

export async function revokeDevice(storage: Storage, store: StoreSummary, idOrCode: string): Promise<void> {
  const device = await requireDevice(storage, store, idOrCode);
  await storage.revokeDevice(store.id, device.id, new Date().toISOString());
}

/**
 * The store's tablets: its devices but the console's own (console-writer.ts), which no tablet
 * holds and which an administrator has no reason to revoke or let enroll again.
 */
export async function storeTablets(storage: Storage, store: StoreSummary): Promise<DeviceRecord[]> {
  const consoleId = consoleClientId(store.id);
  return (await storage.listDevices(store.id)).filter((device) => device.clientId !== consoleId);
}

/** A tablet of the store by its letter or id, or a message saying how to list them. */
async function requireDevice(storage: Storage, store: StoreSummary, idOrCode: string): Promise<DeviceRecord> {
  const device = (await storeTablets(storage, store)).find((d) => d.id === idOrCode || d.code === idOrCode.toUpperCase());
  if (!device) throw new AdminError(`No tablet ${idOrCode} in ${store.code}; list them with: npm run admin -- devices ${store.code}`, 'not_found');
  return device;
}

/** How long an administrator's approval to re-enroll a tablet holds: enough to walk over to it. */
export const REENROLLMENT_APPROVAL_HOURS = 24;

/**
 * Lets a tablet of the store enroll once more without proving its secret (it was enrolled
 * before secrets existed, or its app data was restored). Only the administrator can tell it is
 * really that tablet; the approval ends with the next enrollment or after a day.
 */
export async function allowReenrollment(storage: Storage, store: StoreSummary, idOrCode: string, now = new Date()): Promise<string> {
  const until = new Date(now.getTime() + REENROLLMENT_APPROVAL_HOURS * 60 * 60 * 1000).toISOString();
  const device = await requireDevice(storage, store, idOrCode);
  await storage.allowReenrollment(store.id, device.id, until);
  return until;
}

/** What `set-store-profile` may change: a field left out keeps its value, '' clears it. */
export type StoreProfileChange = {
  name?: string;
  address?: string;
  phone?: string;
  /** A default's name and its value as typed ('none' lets the tablet's or the built-in one stand). */
  defaults?: Partial<Record<'oldParts' | 'payment' | 'carWash' | 'promisedInHours', string>>;
  /** The logo (a blob the store uploaded, checked as an image), or null to print none; left out, it stays. */
  logo?: StoreLogo | null;
};

/** The typed words of each default, as the administrator writes them. */
const DEFAULT_WORDS = {
  oldParts: `${OLD_PARTS.join(' | ')} | none`,
  payment: `${PAYMENT_METHODS.join(' | ')} | none`,
  carWash: 'yes | no | none',
  promisedInHours: `1 to ${MAX_PROMISED_IN_HOURS} | none`,
} as const;

/** Sets part of the store's profile (what the customer's copy prints); returns it as saved. */
export async function setStoreProfile(storage: Storage, store: StoreSummary, change: StoreProfileChange, now = new Date()): Promise<StoreProfileFields> {
  const current = (await storage.storeProfile(store.id))?.profile ?? { name: '', address: '', phone: '', defaults: {} };
  const defaults: Record<string, unknown> = { ...current.defaults };
  for (const [key, typed] of Object.entries(change.defaults ?? {}) as [keyof typeof DEFAULT_WORDS, string][]) {
    const word = typed.trim().toLowerCase();
    if (word === 'none') delete defaults[key];
    else if (key === 'carWash') defaults[key] = word === 'yes' ? true : word === 'no' ? false : word;
    else if (key === 'promisedInHours') defaults[key] = /^\d+$/.test(word) ? Number(word) : word;
    else defaults[key] = word;
  }
  const next = {
    name: (change.name ?? current.name).trim(),
    address: (change.address ?? current.address).trim(),
    phone: (change.phone ?? current.phone).trim(),
    defaults,
    logo: change.logo === undefined ? (current.logo ?? null) : change.logo,
  };
  const parsed = storeProfileFieldsSchema.safeParse(next);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const [field, key] = issue.path.map(String);
      if (field === 'defaults' && key) return `  --${flagOf(key)} takes ${DEFAULT_WORDS[key as keyof typeof DEFAULT_WORDS]}.`;
      if (issue.message === 'text.tooLong') return `  The ${field} is too long.`;
      return `  The ${field} cannot hold control or invisible characters; type it again as plain text.`;
    });
    throw new AdminError(`Nothing was changed:\n${lines.join('\n')}`);
  }
  await storage.setStoreProfile(store.id, parsed.data, now.toISOString());
  return parsed.data;
}

/** promisedInHours → promised-in-hours: the command line's spelling of a default. */
export function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * A bad row of a catalogue CSV in the import screen's own sentences (each names its row, column
 * and value), so the administrator reads the same advice the store's staff would.
 */
export function csvErrorSentence(error: CsvRowError, language: 'en' | 'zh-CN'): string {
  return fillPlaceholders(CSV_ERROR_MESSAGES[language][error.code], { line: error.line, ...error.params });
}

/** Imports a CSV file (UTF-8) with the same parser and rules as the tablet's import. */
export async function importCatalogue(
  storage: Storage,
  store: StoreSummary,
  file: string,
  initialsOf: (name: string) => string,
): Promise<{ count: number; version: number }> {
  return importCatalogueText(storage, store, readFileSync(file, 'utf8'), initialsOf);
}

/** Replaces the store's catalogue with a CSV's rows, only when every row is good (the console's upload too). */
export async function importCatalogueText(
  storage: Storage,
  store: StoreSummary,
  text: string,
  initialsOf: (name: string) => string,
): Promise<{ count: number; version: number }> {
  const { items, errors } = parseCatalogueCsv(text, initialsOf);
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((e) => `  ${csvErrorSentence(e, 'en')}\n  ${csvErrorSentence(e, 'zh-CN')}`);
    throw new AdminError(`The CSV has ${errors.length} bad row(s); nothing was imported:\n${lines.join('\n')}`);
  }
  return { count: items.length, version: await storage.replaceCatalogue(store.id, items) };
}
