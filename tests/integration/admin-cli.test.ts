// The administrator's command line (`npm run admin -- …`) as a person runs it: a process of its
// own on a data folder. Here: disabling and enabling an advisor, both sides of the rule that the
// store's last active admin stays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../support/admin-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'walkaround-admin-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The command line on this test's data folder; a failure comes back with its exit code. */
const admin = (...args: string[]) => runAdmin(args, { DATA_DIR: dataDir, DATABASE_URL: '', S3_ENDPOINT: '', S3_BUCKET: '' }, { mayFail: true });

describe('npm run admin', () => {
  it("disables and enables an advisor, lists them as disabled, and never disables the store's last active admin", async () => {
    expect((await admin('create-store', 'CLI1', '命令行店')).code).toBe(0);
    expect((await admin('add-advisor', 'CLI1', 'boss', '店长', '--admin')).code).toBe(0);
    expect((await admin('add-advisor', 'CLI1', 'wang', '王顾问')).code).toBe(0);

    const disabled = await admin('disable-advisor', 'CLI1', 'wang');
    expect(disabled).toMatchObject({ code: 0, stdout: expect.stringContaining('王顾问 (wang) is disabled') });
    expect((await admin('advisors', 'CLI1')).stdout).toMatch(/^wang\tadvisor\t王顾问\tDISABLED \d{4}-/m);

    const lastAdmin = await admin('disable-advisor', 'CLI1', 'boss');
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain('last active admin of CLI1');
    expect((await admin('advisors', 'CLI1')).stdout).toMatch(/^boss\tadmin\t店长$/m);

    expect(await admin('enable-advisor', 'CLI1', 'wang')).toMatchObject({ code: 0, stdout: expect.stringContaining('can sign in again') });
    expect((await admin('advisors', 'CLI1')).stdout).toMatch(/^wang\tadvisor\t王顾问$/m);
    expect((await admin('disable-advisor', 'CLI1', 'nobody')).stderr).toContain('No advisor nobody in CLI1');
  }, 60_000);
});
