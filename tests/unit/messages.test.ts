// Every string exists in both languages, no area overrides another's key by accident, and
// every sync refusal reason and failure kind the app can meet has its message.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REJECT_REASONS } from '../../src/shared/protocol.ts';
import { isMessageKey, loadScreenMessages, MESSAGES } from '../../src/ui/messages.ts';

// Every area, the ones the job list starts with and the ones loaded with the other screens.
await loadScreenMessages();
const dir = new URL('../../src/ui/messages/', import.meta.url);
const AREAS = Object.fromEntries(
  await Promise.all(
    readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .map(async (name) => {
        const module: Record<string, unknown> = await import(new URL(name, dir).href);
        const messages = Object.entries(module).find(([exported]) => exported.endsWith('_MESSAGES'))?.[1];
        return [name, messages as Record<'zh-CN' | 'en', Record<string, string>>] as const;
      }),
  ),
);

describe('messages', () => {
  it('has the same keys in zh-CN and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
  });

  it('defines each key in one area only', () => {
    expect(Object.keys(AREAS).length).toBeGreaterThan(10);
    const owners = new Map<string, string[]>();
    for (const [area, messages] of Object.entries(AREAS))
      for (const key of Object.keys(messages['zh-CN'])) owners.set(key, [...(owners.get(key) ?? []), area]);
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
  });

  it('explains every reason the server refuses a change, and every failure the sync bar shows', () => {
    const needed = [
      ...[...REJECT_REASONS, 'blob_missing'].map((reason) => `attention.${reason}`),
      ...['unauthenticated', 'revoked', 'app-outdated', 'server-outdated', 'refused', 'retry', 'retryLater', 'offline'].map((kind) => `sync.problem.${kind}`),
      ...['local', 'sending', 'synced', 'attention'].map((state) => `syncState.${state}`),
    ];
    for (const language of ['zh-CN', 'en'] as const) {
      // Keys built here are plain strings: looked up as such, a missing one reads undefined.
      const messages: Record<string, string | undefined> = MESSAGES[language];
      expect(needed.filter((key) => !messages[key])).toEqual([]);
    }
  });

  it('calls the customer 客户, never 顾客, in every message file (GLOSSARY)', () => {
    const files = [new URL('../messages.ts', dir), ...readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => new URL(name, dir))];
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('顾客'))
        .map((line) => `${file.pathname.split('/src/')[1]}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('tells a string with a message from any other string, inherited names included', () => {
    expect(['sync.problem.refused', 'apiError.other', 'field.invalid', 'required'].filter((key) => !isMessageKey(key))).toEqual([]);
    expect(['sync.problem.nonsense', 'apiError.something_new', 'toString', 'constructor', '__proto__', ''].filter(isMessageKey)).toEqual([]);
  });
});
