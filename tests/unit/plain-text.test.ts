// Names are plain text: control and invisible format characters are refused at enrollment
// and shown as visible escapes when printed; CJK, emoji (with their joiners and tags) stay.
import { describe, expect, it } from 'vitest';
import { hasControlCharacters, printable } from '../../src/shared/plain-text.ts';
import { enrollRequestSchema } from '../../src/shared/protocol.ts';

const request = (deviceName: string) => ({ code: 'ABCDEFGH', clientId: '01890a5d-ac96-774b-bcce-b302099a8057', deviceName });

// [name, what it is, printed as]
const REFUSED: [string, string, string][] = [
  ['Tablet\u001b[2J\u001b]0;pwned\u0007', 'ESC and BEL', 'Tablet\\u001b[2J\\u001b]0;pwned\\u0007'],
  ['\u202Egnp.exe', 'right-to-left override', '\\u202egnp.exe'],
  ['Tab\u0000let', 'NUL', 'Tab\\u0000let'],
  ['平板\u200B1', 'zero-width space', '平板\\u200b1'],
  ['Tablet\u007F', 'DEL', 'Tablet\\u007f'],
  ['Tablet\u009B31m', 'C1 control sequence introducer', 'Tablet\\u009b31m'],
  ['Tab\u2028let', 'line separator', 'Tab\\u2028let'],
  ['A\u2066B\u2069', 'bidi isolates', 'A\\u2066B\\u2069'],
  ['Tab\uFEFFlet', 'byte order mark inside', 'Tab\\ufefflet'],
  ['\u200DTablet', 'a joiner that joins nothing', '\\u200dTablet'],
  ['Tablet\u{E0041}', 'a tag character outside a flag', 'Tablet\\u{e0041}'],
];

const ACCEPTED: [string, string][] = [
  ['平板 1', 'CJK'],
  ['Tablet B', 'Latin'],
  ['前台 🚗', 'emoji'],
  ['👩🏽‍💻 王', 'emoji with skin tone and joiner'],
  ['🏳️‍🌈', 'emoji with variation selector and joiner'],
  ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'regional flag with tag characters'],
  ['🇨🇳 接待台', 'flag of regional indicators'],
];

describe('plain names', () => {
  it.each(REFUSED)('refuses %j (%s) in a device name and prints it escaped', (name, _what, printed) => {
    expect(hasControlCharacters(name)).toBe(true);
    const parsed = enrollRequestSchema.safeParse(request(name));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['deviceName', 'deviceName.controlCharacters']]);
    expect(printable(name)).toBe(printed);
    expect(printable(name)).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it.each(ACCEPTED)('accepts %j (%s) and prints it unchanged', (name) => {
    expect(hasControlCharacters(name)).toBe(false);
    expect(enrollRequestSchema.safeParse(request(name)).success).toBe(true);
    expect(printable(name)).toBe(name);
  });

  it('trims surrounding whitespace before it judges, as the name is stored trimmed', () => {
    expect(enrollRequestSchema.parse(request('  平板 2\n')).deviceName).toBe('平板 2');
  });
});
