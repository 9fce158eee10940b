// Canonical JSON: one value, one text. A signature's contentHash is the SHA-256 of this text,
// and the server recomputes it from its own copy of the job, so both sides must produce
// byte-identical output whatever order the keys were built or merged in. The rules follow
// RFC 8785 (JCS) where it matters here: object keys sorted by UTF-16 code units, no
// whitespace, ECMAScript number and string serialisation. Anything JSON would silently turn
// into something else (a Date into a string, a Map into {}, NaN into null) is refused rather
// than guessed at, so nothing ambiguous is ever hashed.

/**
 * Deterministic JSON text of a plain value: null, booleans, finite numbers, strings, arrays
 * and plain objects. Object members whose value is `undefined` are left out, as JSON does;
 * -0 is written as 0. Throws a RangeError for NaN and ±Infinity and a TypeError for anything
 * else that is not plain data (Date, Map, class instances, functions, bigint, symbols,
 * `undefined` outside an object member, array holes, cycles).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set(), '$');
}

function write(value: unknown, ancestors: Set<object>, path: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${String(value)} at ${path} is not a finite number`);
      // String(-0) is "0" already; Object.is keeps the intent visible.
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, ancestors, path);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} at ${path} has no canonical JSON form`);
  }
}

function writeObject(value: object, ancestors: Set<object>, path: string): string {
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        // A hole or an undefined item would become null in JSON: ambiguous, so refused.
        if (!(i in value) || value[i] === undefined) throw new TypeError(`canonicalJson: undefined item at ${path}[${i}]`);
        items.push(write(value[i], ancestors, `${path}[${i}]`));
      }
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      throw new TypeError(`canonicalJson: ${typeof name === 'string' ? name : 'a non-plain object'} at ${path} is not plain data`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) throw new TypeError(`canonicalJson: symbol keys at ${path}`);
    const record = value as Record<string, unknown>;
    // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 asks.
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(member, ancestors, `${path}.${key}`)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
