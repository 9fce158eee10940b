// What the first screen loads: the modules reached from src/app/main.tsx by static imports.
// Neither zod (building the schemas of src/shared as their modules load cost ~1 s of a 4x
// throttled start) nor the code that writes changes may be among them: the job list only
// reads. A module that needs a plain function of a schema module imports it from the
// schema-free module beside it (status-moves.ts, follow-up-state.ts, addition-rounds.ts).
// Nor Dexie: the list shows the raw first read (db/first-read.ts), and its live reads load
// Dexie after it (ui/sync/deferred-db.ts); nor the other screens' stylesheet (screens.css), nor
// their strings (ui/deferred-messages.ts, loaded with them; tests/unit/message-areas.test.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChain, staticImportGraph, type StaticGraph } from '../support/static-imports.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The writer: the repo that saves a change with its outbox entry, the reducer, the rules. */
const WRITE_PATH = [
  'src/db/job-repo.ts',
  'src/db/sync-repo.ts',
  'src/shared/apply-mutation.ts',
  'src/shared/mutation.ts',
  'src/shared/check-in-rules.ts',
  'src/shared/vin.ts',
  'src/shared/wmi.ts',
];

function zodModules(graph: StaticGraph): string[] {
  return [...graph.files.keys()].filter((file) => /\.tsx?$/.test(file) && /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(resolve(ROOT, file), 'utf8')));
}

const chains = (graph: StaticGraph, files: string[]) => files.map((file) => importChain(graph, file).join(' → '));

describe('the first route', () => {
  const graph = staticImportGraph(ROOT, 'src/app/main.tsx');

  it('does not load zod', () => {
    expect(graph.packages.has('zod') ? `zod, first imported by ${graph.packages.get('zod')}` : null).toBeNull();
    expect(chains(graph, zodModules(graph))).toEqual([]);
  });

  it('does not load the code that writes changes', () => {
    expect(chains(graph, WRITE_PATH.filter((file) => graph.files.has(file)))).toEqual([]);
  });

  it('does not load Dexie, its React hooks, the database module or the other screens\' stylesheet', () => {
    const packages = ['dexie', 'dexie-react-hooks'].filter((name) => graph.packages.has(name));
    expect(packages.map((name) => `${name}, first imported by ${graph.packages.get(name)}`)).toEqual([]);
    expect(chains(graph, ['src/db/database.ts', 'src/db/instance.ts', 'src/app/screens.css'].filter((file) => graph.files.has(file)))).toEqual([]);
  });

  it('does not load the strings of the screens after the list (message areas, ui/deferred-messages.ts)', () => {
    // The areas the job list, the top bar, the sync bar and the lock screen show are the only ones it builds.
    const later = [
      'src/ui/deferred-messages.ts',
      ...['additions', 'bill', 'damage', 'desk', 'estimate', 'handover', 'input', 'returning', 'saving', 'signing', 'store'].map((area) => `src/ui/messages/${area}.ts`),
    ];
    expect(chains(graph, later.filter((file) => graph.files.has(file)))).toEqual([]);
    expect(graph.files.has('src/ui/messages/sync.ts')).toBe(true);
  });

  it('is walked far enough to see the list, its sync badges and its stylesheet', () => {
    for (const file of ['src/features/jobs/components/JobList.tsx', 'src/ui/sync/use-sync-state.ts', 'src/db/sync-state-repo.ts', 'src/app/styles.css']) {
      expect(graph.files.has(file), file).toBe(true);
    }
  });
});

describe('the static import walk', () => {
  it('finds zod, Dexie and the writer behind a card, which the first route loads on demand', () => {
    const card = staticImportGraph(ROOT, 'src/app/JobPage.tsx');
    expect(card.packages.has('zod')).toBe(true);
    expect(card.packages.has('dexie')).toBe(true);
    expect(zodModules(card)).toContain('src/shared/job-status.ts');
    expect(card.files.has('src/db/job-repo.ts')).toBe(true);
  });

  it('skips type-only imports and dynamic import()', () => {
    // JobList.tsx imports Job from job.ts as a type only; App.tsx loads JobPage with import().
    const graph = staticImportGraph(ROOT, 'src/app/main.tsx');
    expect(graph.files.has('src/shared/job.ts')).toBe(false);
    expect(graph.files.has('src/app/JobPage.tsx')).toBe(false);
  });
});
