// The sync fault test over many seeds, outside CI (issue 13): `npm run soak -- --seeds 1000`
// runs tests/integration/sync-faults.test.ts with FAULT_SEEDS=1000 (photos in the data folder),
// `--s3` runs sync-faults-s3.test.ts instead (photos in s3rver on loopback), `--postgres`
// sync-faults-postgres.test.ts (a dealer group: records in PostgreSQL shared by three server
// processes, photos in S3; `--s3` may be added and changes nothing). It prints what the runs
// say, then one line: seeds converged and failed, mutations lost and duplicated, time.
// Exit 1 if any seed failed or anything was lost or duplicated.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const USAGE =
  'Usage: npm run soak -- --seeds N [--s3] [--postgres]   (N: how many seeds, 1 or more; --postgres: records in PostgreSQL, ' +
  'three server processes, photos in S3 as a dealer group has them, with or without --s3)';

type Options = { seeds: number; s3: boolean; postgres: boolean };

/** The test file each configuration runs, and the summary line's words for it. */
const RUNS = {
  folder: { file: 'tests/integration/sync-faults.test.ts', where: 'SQLite, photos in the data folder' },
  s3: { file: 'tests/integration/sync-faults-s3.test.ts', where: 'SQLite, photos in S3 (s3rver)' },
  postgres: { file: 'tests/integration/sync-faults-postgres.test.ts', where: 'PostgreSQL shared by 3 server processes, photos in S3 (s3rver)' },
} as const;

function parse(args: string[]): Options {
  let seeds: number | undefined;
  let s3 = false;
  let postgres = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--seeds') {
      const value = args[++i];
      seeds = Number(value);
      if (!value || !Number.isInteger(seeds) || seeds < 1) throw new Error(`--seeds takes a whole number of 1 or more, not ${JSON.stringify(value ?? '')}.\n${USAGE}`);
    } else if (arg === '--s3') s3 = true;
    else if (arg === '--postgres') postgres = true;
    else throw new Error(`Unknown option ${JSON.stringify(arg)}.\n${USAGE}`);
  }
  if (seeds === undefined) throw new Error(`Say how many seeds.\n${USAGE}`);
  return { seeds, s3, postgres };
}

type JsonReport = { testResults: { assertionResults: { title: string; status: string }[] }[] };

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const { file, where } = RUNS[options.postgres ? 'postgres' : options.s3 ? 's3' : 'folder'];
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const report = join(repoRoot, '.tmp', `soak-${Date.now()}.json`);
  const started = Date.now();
  let totals = '';
  const child = spawn('npx', ['vitest', 'run', '--project', 'unit', file, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: repoRoot,
    env: { ...process.env, FAULT_SEEDS: String(options.seeds), FAULT_SEED: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    process.stdout.write(chunk);
    for (const line of chunk.split('\n')) if (line.includes('sync-faults total')) totals = line;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? 1)));
  const results = (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults.flatMap((file) => file.assertionResults);
  const seedRuns = results.filter((test) => /^seed \d+:/.test(test.title));
  const failed = seedRuns.filter((test) => test.status !== 'passed').map((test) => test.title.split(':')[0]);
  const lost = Number(/lost (\d+)/.exec(totals)?.[1] ?? NaN);
  const duplicated = Number(/duplicated (\d+)/.exec(totals)?.[1] ?? NaN);
  console.log(
    `\nsoak, ${where}: ${options.seeds} seeds, ${seedRuns.length - failed.length} converged, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}; ` +
      `lost ${Number.isNaN(lost) ? 'unknown' : lost}, duplicated ${Number.isNaN(duplicated) ? 'unknown' : duplicated}; ${((Date.now() - started) / 60_000).toFixed(1)} min`,
  );
  return code === 0 && failed.length === 0 && seedRuns.length === options.seeds && lost === 0 && duplicated === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
