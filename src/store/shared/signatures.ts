/**
 * Wire-copy signatures as stored
 * ==============================
 *
 * A document's MinHash signature (model/wireCopies.ts), kept in
 * `documents.signature` by both stores as the same bytes, so a corpus moved
 * from one database to the other keeps its wire-copy groups.
 */

import { minHashSignature, SIGNATURE_SIZE } from '../../model/wireCopies.ts';

/** The signature as stored: 64 uint32 little-endian (the same bytes on every machine). */
export function signatureBlob(signature: Uint32Array): Buffer {
  const blob = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) blob.writeUInt32LE(signature[i]!, i * 4);
  return blob;
}

export function blobSignature(blob: Buffer): Uint32Array | undefined {
  if (blob.length !== SIGNATURE_SIZE * 4) return undefined;
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) signature[i] = blob.readUInt32LE(i * 4);
  return signature;
}

/** A text with no characters but spaces names no story: no signature (wireCopyGroups leaves it out too). */
export function textSignature(text: string): Uint32Array | undefined {
  return text.trim() === '' ? undefined : minHashSignature(text);
}
