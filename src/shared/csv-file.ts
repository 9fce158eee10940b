// Reading a catalogue CSV file into text. Excel in China saves "CSV" as GBK unless told
// otherwise, so a file that is not valid UTF-8 is read again as GBK instead of as mojibake.

export type DecodedFile = { text: string; encoding: 'UTF-8' | 'GBK' };

export async function decodeCsvFile(file: Blob): Promise<DecodedFile> {
  const bytes = await file.arrayBuffer();
  try {
    // fatal: invalid bytes throw rather than turning into U+FFFD; a UTF-8 BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}
