// The enrollment code as the advisor types it: case, spaces and dashes do not matter (codes
// are read aloud and copied from paper as "ABCD-EFGH"). What a code may be is the shared
// schema's rule (enrollmentCodeSchema); this only says early, beside the field, what is
// plainly not a code, and why.
import { enrollmentCodeSchema } from '../../shared/protocol.ts';

const CODE_LENGTH = 8;

export function normalizeEnrollmentCode(text: string): string {
  return text.toUpperCase().replace(/[\s\-–—_·.]/g, '');
}

export type EnrollmentCodeProblem = { code: 'connect.codeChars'; chars: string } | { code: 'connect.codeLength'; length: number };

/** Why a normalised code cannot be one; null when it may be. */
export function enrollmentCodeProblem(code: string): EnrollmentCodeProblem | null {
  if (enrollmentCodeSchema.safeParse(code).success) return null;
  // A character is allowed when a code made only of it passes the schema: the rule stays in
  // one place, and the message can name the characters that break it (0/O, 1/I).
  const wrong = [...new Set(code)].filter((c) => !enrollmentCodeSchema.safeParse(c.repeat(CODE_LENGTH)).success);
  if (wrong.length > 0) return { code: 'connect.codeChars', chars: wrong.join(' ') };
  return { code: 'connect.codeLength', length: code.length };
}
