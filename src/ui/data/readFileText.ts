/**
 * A dropped or picked file → text
 * ===============================
 *
 * Every file the app opens (graph files and `.txt`/`.md` articles) is read as
 * bytes and decoded by the formats' one decoder (`decodeText`): UTF-8 as it
 * is, anything else as Windows-1252 with a warning naming the file, the first
 * bad byte's line and column and the fix, instead of `File.text()`'s silent
 * U+FFFD replacement characters.
 */

import { decodeText, type DecodedText } from '../../graph/formats/decodeText.ts';

export async function readFileText(file: Blob & { name: string }): Promise<DecodedText> {
  return decodeText(new Uint8Array(await file.arrayBuffer()), file.name);
}
