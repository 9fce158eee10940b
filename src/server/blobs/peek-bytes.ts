// Looks at the first bytes of an upload without holding the rest: the route decides from them
// what the bytes are (a JPEG, a PNG, …) and then hands the whole stream, those first bytes
// included, to the blob store, which writes it to disk as it arrives.

export type Peeked = {
  /** The first `count` bytes; fewer only when the source ended sooner (none for an empty one). */
  head: Uint8Array;
  /**
   * Every byte of the source, the peeked ones first, read on demand. Stopping early (an
   * error, a `return`) closes the source, as `for await` over a stream does.
   */
  body: AsyncIterable<Uint8Array>;
  /** Closes the source without reading the rest, when the first bytes settle a refusal. */
  close(): Promise<void>;
};

export async function peekBytes(source: AsyncIterable<Uint8Array>, count: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const early: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < count) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    early.push(next.value);
    length += next.value.byteLength;
  }

  const head = new Uint8Array(Math.min(count, length));
  let filled = 0;
  for (const chunk of early) {
    if (filled === head.length) break;
    const part = chunk.subarray(0, head.length - filled);
    head.set(part, filled);
    filled += part.length;
  }

  let closed = ended;
  const close = async () => {
    if (closed) return;
    closed = true;
    await iterator.return?.();
  };

  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      // Shifted out, so a chunk already written is not kept alive by this list.
      for (let chunk = early.shift(); chunk; chunk = early.shift()) yield chunk;
      while (!closed) {
        const next = await iterator.next();
        if (next.done) {
          closed = true;
          return;
        }
        yield next.value;
      }
    } finally {
      await close();
    }
  }

  return { head, body: body(), close };
}
