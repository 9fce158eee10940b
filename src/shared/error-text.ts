// Any thrown value as one line of text: an Error's message, anything else as a string. For a
// message's {reason} placeholder and for logs; never the only thing a person is told.
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
