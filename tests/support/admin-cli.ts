// The administrator's command line (`npm run admin -- …`) run as a person runs it: a process of
// its own, on the data folder (and database, bucket) its environment names.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const CLI = resolve(import.meta.dirname, '../../src/server/admin/cli.ts');

export type AdminRun = { code: number; stdout: string; stderr: string };

/**
 * Runs `npm run admin -- ...args` with `env` over this process's environment. A command that
 * exits non-zero rejects, unless `mayFail` is set: then its exit code, output and error come back.
 */
export async function runAdmin(args: string[], env: Record<string, string>, options: { mayFail?: boolean; timeoutMs?: number } = {}): Promise<AdminRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, ...env },
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Partial<AdminRun>;
    if (!options.mayFail || typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
