// The job list starts with only its own message areas (messages.ts); every other screen loads
// the rest (deferred-messages.ts) with its code, through withScreenMessages. Walked here: every
// module the app can run before that load (static imports from main.tsx, and dynamic imports not
// wrapped in withScreenMessages) may name only keys that are loaded from the start, so no
// screen asks for a string before its area is in. And should one ever slip through, the
// tablet shows a blank for a moment, never the raw key.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFERRED_MESSAGES } from '../../src/ui/deferred-messages.ts';
import { messageTemplate } from '../../src/ui/i18n.tsx';
import { loadScreenMessages, MESSAGES, screenMessagesLoaded, type MessageKey } from '../../src/ui/messages.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Read before any test loads the screens' strings into MESSAGES.
const FIRST_KEYS = new Set(Object.keys(MESSAGES['zh-CN']));
const LATER_KEYS = new Set(Object.keys(DEFERRED_MESSAGES['zh-CN']));

/** Where a module may name a message key: the UI. src/shared, db and sync only hand out codes. */
const namesKeys = (file: string) => /^src\/(app|ui|features)\//.test(file) && !/^src\/ui\/(messages|deferred-messages)/.test(file);

type Found = { imports: string[]; screenImports: string[]; keys: string[]; prefixes: string[] };

/** A module's static and dynamic imports (those wrapped in withScreenMessages apart), and the keys its strings name. */
function scan(file: string): Found {
  const path = resolve(ROOT, file);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found = { imports: [], screenImports: [], keys: [], prefixes: [] };
  const local = (specifier: string) => relative(ROOT, resolve(dirname(path), specifier));
  const wrapped = (node: ts.Node): boolean => {
    for (let at = node.parent; at; at = at.parent)
      if (ts.isCallExpression(at) && ts.isIdentifier(at.expression) && at.expression.text === 'withScreenMessages') return true;
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      const specifier = node.moduleSpecifier;
      if (!typeOnly && specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) found.imports.push(local(specifier.text));
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) (wrapped(node) ? found.screenImports : found.imports).push(local(specifier.text));
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (FIRST_KEYS.has(node.text) || LATER_KEYS.has(node.text)) found.keys.push(node.text);
    } else if (ts.isTemplateExpression(node) && node.head.text) {
      found.prefixes.push(node.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every module the app can run before the screens' strings are loaded, with the keys each names too early. */
function beforeScreenMessages(entry: string): { modules: Set<string>; screens: Set<string>; early: string[] } {
  const modules = new Set<string>();
  const screens = new Set<string>();
  const early: string[] = [];
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (modules.has(file) || !/\.tsx?$/.test(file)) continue;
    modules.add(file);
    const found = scan(file);
    queue.push(...found.imports);
    for (const screen of found.screenImports) screens.add(screen);
    if (!namesKeys(file)) continue;
    for (const key of found.keys) if (!FIRST_KEYS.has(key)) early.push(`${file}: '${key}'`);
    // A key built from data (`status.${s}`): fine if the first screen's areas have keys so built.
    for (const prefix of found.prefixes) {
      const first = [...FIRST_KEYS].some((key) => key.startsWith(prefix));
      if (!first && [...LATER_KEYS].some((key) => key.startsWith(prefix))) early.push(`${file}: \`${prefix}…\``);
    }
  }
  return { modules, screens, early };
}

describe('message areas', () => {
  const walk = beforeScreenMessages('src/app/main.tsx');

  it('lets nothing run before the screens\' strings are loaded ask for one of them', () => {
    expect(walk.early).toEqual([]);
  });

  it('is walked far enough: the list, the top bar, the sync bar and the lock screen run before, the card, print and settings after', () => {
    for (const file of ['src/features/jobs/components/JobList.tsx', 'src/app/AppHeader.tsx', 'src/app/sync/SyncBar.tsx', 'src/features/settings/components/LockScreen.tsx'])
      expect(walk.modules.has(file), file).toBe(true);
    for (const file of ['src/app/JobPage.tsx', 'src/app/print/PrintPage.tsx', 'src/features/settings/components/SettingsPage.tsx', 'src/app/CustomerModeScreen.tsx']) {
      expect(walk.screens.has(file), file).toBe(true);
      expect(walk.modules.has(file), file).toBe(false);
    }
  });

  it('finds the card\'s estimate strings, which only a load with the screens\' strings may ask for', () => {
    const card = beforeScreenMessages('src/app/JobPage.tsx');
    expect(card.early.some((line) => line.startsWith('src/features/estimate/'))).toBe(true);
  });

  it('splits the areas in two: none in both, together every key in both languages', () => {
    expect([...LATER_KEYS].filter((key) => FIRST_KEYS.has(key))).toEqual([]);
    expect(Object.keys(DEFERRED_MESSAGES.en).sort()).toEqual([...LATER_KEYS].sort());
    expect(FIRST_KEYS.size).toBeGreaterThan(100);
    expect(LATER_KEYS.size).toBeGreaterThan(100);
  });
});

describe('a screen string asked for before its area is loaded', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads blank, not as its key, and loads the strings; then it reads in both languages', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const key: MessageKey = 'estimate.total';
    expect(LATER_KEYS.has(key)).toBe(true);
    expect(screenMessagesLoaded()).toBe(false);
    expect(messageTemplate('zh-CN', key, false)).toBe('');
    expect(error).toHaveBeenCalledWith(expect.stringContaining(key));
    await loadScreenMessages();
    expect(screenMessagesLoaded()).toBe(true);
    expect(messageTemplate('zh-CN', key, true)).toBe(DEFERRED_MESSAGES['zh-CN'][key]);
    expect(messageTemplate('en', key, true)).toBe(DEFERRED_MESSAGES.en[key]);
    expect(messageTemplate('en', 'jobs.title', true)).toBe('Job cards');
  });
});
