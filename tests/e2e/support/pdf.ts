// Just enough of a PDF reader to check what Chromium printed: the pages and their size, the
// embedded images, and which characters the embedded fonts' ToUnicode maps say were drawn
// (so "the Chinese text is in the PDF as text in a font that has it" can be asserted).
import { inflateSync } from 'node:zlib';

export type PdfSummary = {
  /** Page objects (/Type /Page, not /Pages). */
  pages: number;
  /** Each page's /MediaBox as [width, height] in points. */
  mediaBoxes: [number, number][];
  /** Image XObjects (the signature PNG; the diagram is vector). */
  images: number;
  /** Every Unicode code point a ToUnicode CMap maps a glyph to. */
  characters: Set<number>;
};

const hex = (text: string) => Number.parseInt(text, 16);

/** Code points named by a CMap's bfchar and bfrange sections (UTF-16BE destinations). */
function mappedCharacters(cmap: string, into: Set<number>): void {
  const add = (utf16Hex: string, offset = 0) => {
    const units = utf16Hex.match(/.{4}/g)?.map(hex) ?? [];
    const text = String.fromCharCode(...units);
    const first = text.codePointAt(0);
    if (first !== undefined) into.add(first + offset);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, , dst = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) add(dst);
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo = '0', hi = '0', dst = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      for (let i = 0; i <= hex(hi) - hex(lo); i++) add(dst, i);
}

export function summarizePdf(pdf: Buffer): PdfSummary {
  const text = pdf.toString('latin1');
  const characters = new Set<number>();
  const streamStart = /stream\r?\n/g;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not Flate (an image, or raw): no CMap in it
    }
    if (body.includes('begincmap')) mappedCharacters(body, characters);
  }
  return {
    pages: (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length,
    mediaBoxes: [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
      ([, x0 = '0', y0 = '0', x1 = '0', y1 = '0']): [number, number] => [Number(x1) - Number(x0), Number(y1) - Number(y0)],
    ),
    images: (text.match(/\/Subtype\s*\/Image/g) ?? []).length,
    characters,
  };
}
