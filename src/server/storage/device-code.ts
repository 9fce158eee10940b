// A tablet's letter(s) in job numbers: A … Z, then AA … AZ, BA …, like spreadsheet columns.
// Job numbers are made on the tablet without a server, so two tablets of one store must never
// share a letter, and a retired tablet's letter is never handed out again.

/** The code at a zero-based position of the sequence: 0 → A, 25 → Z, 26 → AA, 52 → BA. */
export function deviceCodeAt(index: number): string {
  let code = '';
  // Bijective base 26: there is no zero digit, so "A" follows "Z" by growing a place.
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    code = String.fromCharCode(65 + ((n - 1) % 26)) + code;
  }
  return code;
}

/** The first code of the sequence not in `taken`. */
export function nextDeviceCode(taken: ReadonlySet<string>): string {
  for (let index = 0; ; index += 1) {
    const code = deviceCodeAt(index);
    if (!taken.has(code)) return code;
  }
}
