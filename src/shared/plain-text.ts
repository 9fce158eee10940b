// Names people give things (a tablet, an advisor, a store) are shown on other tablets and
// printed in the administrator's terminal. Control and invisible format characters have no
// place in them: ESC starts terminal commands, U+202E turns text around, U+200B hides in it.
// One rule finds them, both to refuse them at the door and to show stored ones harmlessly.

// Format characters that are part of ordinary text: a joiner between two visible characters
// shapes them (👩‍💻, 🏳️‍🌈, Indic and Persian words), and tag characters after 🏴 spell a
// regional flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Anything else of Cc (C0, DEL, C1), Cf (bidi controls, zero-width
// space, BOM), lone surrogates and the line and paragraph separators is refused.
const PART_OF_TEXT = String.raw`\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|(?<=[^\s\p{C}])[\u200C\u200D](?=[^\s\p{C}])`;
const CONTROL = String.raw`[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]`;
const scan = () => new RegExp(`(${PART_OF_TEXT})|${CONTROL}`, 'gu');

/** True when the text holds a character that is not plain text (see above). */
export function hasControlCharacters(text: string): boolean {
  for (const match of text.matchAll(scan())) if (match[1] === undefined) return true;
  return false;
}

/** The text with each character that is not plain text shown as a visible escape, e.g. \u001b. */
export function printable(text: string): string {
  return text.replace(scan(), (found: string, partOfText: string | undefined) => {
    if (partOfText !== undefined) return found;
    const code = found.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
