// The store administrator's command line: `npm run admin -- <command>`. It works on the
// same data folder as the running server (SQLite in WAL mode allows both at once).
import { loadInitials } from '../../shared/catalogue-initials.ts';
import type { StoreProfileFields } from '../../shared/store-profile.ts';
import { openDataDir } from '../data-dir.ts';
import {
  AdminError,
  addAdvisor,
  allowReenrollment,
  createStore,
  importCatalogue,
  issueEnrollmentCode,
  requireStore,
  resetPassword,
  revokeDevice,
  setAdvisorDisabled,
  setStoreProfile,
  type StoreProfileChange,
} from './store-admin.ts';
import { migrateStore } from './migrate-store.ts';
import { deviceList, forTerminal } from './terminal-output.ts';

const HELP = `Walkaround store administration (data folder: DATA_DIR, default ./data)

  npm run admin -- create-store <CODE> <name>           a store; CODE starts its job numbers
  npm run admin -- add-advisor <CODE> <username> <name> [--admin]
                                                        prints the new advisor's password
  npm run admin -- reset-password <CODE> <username>     prints a new password
  npm run admin -- advisors <CODE>
  npm run admin -- disable-advisor <CODE> <username>    they can no longer sign in (the store's
                                                        last active admin cannot be disabled)
  npm run admin -- enable-advisor <CODE> <username>
  npm run admin -- enrollment-code <CODE> [days=7] [tablets=10]
  npm run admin -- devices <CODE>                       enrolled tablets
  npm run admin -- revoke-device <CODE> <letter|id>     a lost or stolen tablet
  npm run admin -- allow-reenrollment <CODE> <letter|id>
                                                        lets that tablet connect again without its
                                                        secret (restored app data, an older app)
  npm run admin -- import-catalogue <CODE> <file.csv>   the store's labour and parts list
  npm run admin -- history <CODE> <job id>              every change to a job card, who and when
  npm run admin -- store-profile <CODE>                 what the customer's copy prints for the store
  npm run admin -- set-store-profile <CODE> [--name <text>] [--address <text>] [--phone <text>]
                    [--old-parts take|dispose|none] [--payment wechat|alipay|cash|card|...|none]
                    [--car-wash yes|no|none] [--promised-in-hours <1-336>|none]
                                                        sets what is given, '' clears a text; the
                                                        tablets get it at their next sync
  npm run admin -- migrate <CODE> --from <data folder>  copies a store of an embedded server into
                                                        the group's PostgreSQL and S3 (DATABASE_URL,
                                                        S3_*), then checks it; safe to run again`;

async function run(args: string[]): Promise<string> {
  const [command, code = '', ...rest] = args;
  if (!command || command === 'help' || command === '--help') return HELP;
  if (command === 'migrate') return migrate(code, rest);
  const data = await openDataDir();
  const { storage } = data;
  try {
    if (command === 'create-store') {
      const store = await createStore(storage, code, rest.join(' '));
      return `Store ${store.code} (${store.name}) created. Add advisors: npm run admin -- add-advisor ${store.code} <username> <name>`;
    }
    const store = await requireStore(storage, code);
    switch (command) {
      case 'add-advisor': {
        const [username = '', ...name] = rest.filter((a) => a !== '--admin');
        const role = rest.includes('--admin') ? 'admin' : 'advisor';
        const { advisor, password } = await addAdvisor(storage, store, { username, name: name.join(' '), role });
        return `${advisor.name} (${advisor.username}, ${advisor.role}) added to ${store.code}. Password: ${password}`;
      }
      case 'reset-password':
        return `New password for ${rest[0]}: ${await resetPassword(storage, store, rest[0] ?? '')}`;
      case 'advisors':
        return (
          (await storage.listAllAdvisors(store.id)).map((a) => [a.username, a.role, a.name, ...(a.disabledAt ? [`DISABLED ${a.disabledAt}`] : [])].join('\t')).join('\n') ||
          'No advisors yet.'
        );
      case 'disable-advisor':
      case 'enable-advisor': {
        const disabled = command === 'disable-advisor';
        const advisor = await setAdvisorDisabled(storage, store, rest[0] ?? '', disabled);
        return disabled
          ? `${advisor.name} (${advisor.username}) is disabled: they can no longer sign in, at the console or on a tablet once it has synced. Enable again with: npm run admin -- enable-advisor ${store.code} ${advisor.username}`
          : `${advisor.name} (${advisor.username}) can sign in again.`;
      }
      case 'enrollment-code': {
        const enrollment = await issueEnrollmentCode(storage, store, Number(rest[0] ?? 7), Number(rest[1] ?? 10));
        return `Enrollment code for ${store.code}: ${enrollment.code} (valid until ${enrollment.expiresAt}, ${enrollment.usesLeft} tablets)`;
      }
      case 'devices':
        return await deviceList(storage, store);
      case 'revoke-device':
        await revokeDevice(storage, store, rest[0] ?? '');
        return `Tablet ${rest[0]} revoked: it can no longer sync. Its unsynced work stays on it until it is enrolled again.`;
      case 'allow-reenrollment': {
        const until = await allowReenrollment(storage, store, rest[0] ?? '');
        return `Tablet ${rest[0]} may connect again with an enrollment code until ${until}. Only approve a tablet you have in your hands: whoever connects with its identity first gets its place.`;
      }
      case 'import-catalogue': {
        const { count, version } = await importCatalogue(storage, store, rest[0] ?? '', await loadInitials());
        return `Imported ${count} items (catalogue version ${version}); tablets get it at their next sync.`;
      }
      case 'store-profile':
        return profileText((await storage.storeProfile(store.id))?.profile);
      case 'set-store-profile':
        return `Saved; tablets get it at their next sync.\n${profileText(await setStoreProfile(storage, store, profileChange(rest)))}`;
      case 'history': {
        const devices = new Map((await storage.listDevices(store.id)).map((d) => [d.id, `${d.code} ${d.name}`]));
        const advisors = new Map((await storage.listAdvisors(store.id)).map((a) => [a.id, a.username]));
        const entries = await storage.jobHistory(store.id, rest[0] ?? '');
        return (
          entries
            .map((h) => `${h.createdAt}\t${h.op}\t${h.status}${h.reason ? ` (${h.reason})` : ''}\ttablet ${devices.get(h.deviceId) ?? h.deviceId}\t${h.advisorId ? (advisors.get(h.advisorId) ?? h.advisorId) : '-'}`)
            .join('\n') || `No changes recorded for job ${rest[0]} in ${store.code}.`
        );
      }
      default:
        throw new AdminError(`Unknown command "${command}".\n\n${HELP}`);
    }
  } finally {
    await data.close();
  }
}

/** `migrate <CODE> --from <data folder>`: the store's SQLite file and photos into PostgreSQL and S3. */
async function migrate(code: string, rest: string[]): Promise<string> {
  const at = rest.indexOf('--from');
  const from = at >= 0 ? rest[at + 1] : undefined;
  if (!code || !from) throw new AdminError(`migrate needs a store code and --from <data folder>.\n\n${HELP}`);
  const report = await migrateStore(code, from, process.env, (line) => process.stdout.write(`${line}\n`));
  if (!report.ok) process.exitCode = 1;
  return report.lines.join('\n');
}

const TEXT_FLAGS = { '--name': 'name', '--address': 'address', '--phone': 'phone' } as const;
const DEFAULT_FLAGS = { '--old-parts': 'oldParts', '--payment': 'payment', '--car-wash': 'carWash', '--promised-in-hours': 'promisedInHours' } as const;

/** `--flag value` pairs into a change of the profile; an unknown flag or a missing value is refused. */
function profileChange(args: string[]): StoreProfileChange {
  const defaults: NonNullable<StoreProfileChange['defaults']> = {};
  const change: StoreProfileChange = { defaults };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    if (value === undefined) throw new AdminError(`${flag} needs a value after it (use '' to clear a text).`);
    if (flag in TEXT_FLAGS) change[TEXT_FLAGS[flag as keyof typeof TEXT_FLAGS]] = value;
    else if (flag in DEFAULT_FLAGS) defaults[DEFAULT_FLAGS[flag as keyof typeof DEFAULT_FLAGS]] = value;
    else throw new AdminError(`Unknown option "${flag}".\n\n${HELP}`);
  }
  return change;
}

function profileText(profile: StoreProfileFields | undefined): string {
  const shown = (text: string | undefined) => (text ? text : '(not set)');
  const d = profile?.defaults ?? {};
  return [
    `name\t${shown(profile?.name)}`,
    `address\t${shown(profile?.address)}`,
    `phone\t${shown(profile?.phone)}`,
    `old parts\t${shown(d.oldParts)}`,
    `payment\t${shown(d.payment)}`,
    `car wash\t${d.carWash === undefined ? '(not set)' : d.carWash ? 'yes' : 'no'}`,
    `promised in\t${d.promisedInHours === undefined ? '(not set)' : `${d.promisedInHours} h`}`,
  ].join('\n');
}

run(process.argv.slice(2)).then(
  (output) => console.log(forTerminal(output)),
  (error: unknown) => {
    console.error(error instanceof AdminError ? forTerminal(error.message) : error);
    process.exit(1);
  },
);
