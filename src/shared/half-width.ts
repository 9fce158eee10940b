// Full-width characters (全角) from Chinese input methods: Ｂ, １２３, －, the ideographic space.
// Plates, VINs and phones are ASCII on the document they are read from, so these fields turn
// them into their half-width twins; the form says so, because the value changed under the hand.

// U+FF01..U+FF5E are the full-width forms of ASCII ! .. ~, in the same order, 0xFEE0 above them.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/gu;
const IDEOGRAPHIC_SPACE = /\u3000/gu;
const ANY_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/u;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Whether the text holds a full-width letter, digit, sign or space that `toHalfWidth` would change. */
export function hasFullWidth(input: string): boolean {
  return ANY_FULL_WIDTH.test(input);
}

/** Full-width ASCII forms and the ideographic space as their half-width twins; everything else unchanged. */
export function toHalfWidth(input: string): string {
  return input
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}
