// SHA-256 of a blob's bytes in lower-case hex: the identity of every photo, thumbnail and
// signature image (DESIGN.md "Data"). Web Crypto only, so the same function runs in the page,
// in a Worker, in the service worker and on the server (Node 20 has globalThis.crypto).

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', digestable(bytes));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += HEX[byte];
  return hex;
}

// Web Crypto refuses views over a SharedArrayBuffer; copy those (never the common case).
function digestable(bytes: ArrayBuffer | Uint8Array): ArrayBuffer | Uint8Array<ArrayBuffer> {
  if (!ArrayBuffer.isView(bytes)) return bytes;
  return isOverArrayBuffer(bytes) ? bytes : new Uint8Array(bytes);
}

function isOverArrayBuffer(view: Uint8Array): view is Uint8Array<ArrayBuffer> {
  return view.buffer instanceof ArrayBuffer;
}
