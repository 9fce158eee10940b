// The administrator's command line (`npm run admin -- …`) as a person runs it: a process of its
// own on a data folder. Here: disabling and enabling an advisor, both sides of the rule that the
// store's last active admin stays.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'walkaround-admin-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the command line; resolves with what it printed and its exit code. */
async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = resolve(import.meta.dirname, '../../src/server/admin/cli.ts');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', S3_ENDPOINT: '', S3_BUCKET: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

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
