/** Bytes of UTF-8 gathered before they become a Blob and leave the worker's heap. */
export const BATCH_BYTES = 8 << 20;

export interface Utf8Options {
  /** Called with the source bytes read so far, after each chunk. */
  onRead?: (read: number) => void;
  batchBytes?: number;
  /** Called with the bytes held in the heap each time a batch is turned into a Blob (for tests). */
  onBatch?: (heldBytes: number) => void;
}

/**
 * Re-encodes a stream of `encoding` text to UTF-8, as a Blob. The output is turned into a Blob a
 * batch at a time: the browser keeps Blob data outside the JavaScript heap (and on disk when it
 * is large), and a Blob of Blobs refers to them without copying. The heap then holds one batch,
 * not the whole file twice over as an array of chunks and the Blob made from it would.
 */
export async function streamToUtf8(stream: ReadableStream<Uint8Array>, encoding: string, options: Utf8Options = {}): Promise<Blob> {
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  // ignoreBOM false: the decoder drops the byte-order mark, so the output starts with the header.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  const encoder = new TextEncoder();
  const blobs: Blob[] = [];
  let batch: Uint8Array[] = [];
  let held = 0;
  const flush = () => {
    if (batch.length === 0) return;
    options.onBatch?.(held);
    blobs.push(new Blob(batch as Uint8Array<ArrayBuffer>[]));
    batch = [];
    held = 0;
  };
  const add = (bytes: Uint8Array) => {
    if (bytes.byteLength === 0) return;
    batch.push(bytes);
    held += bytes.byteLength;
    if (held >= batchBytes) flush();
  };
  const reader = stream.getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    add(encoder.encode(decoder.decode(value, { stream: true })));
    options.onRead?.(read);
  }
  add(encoder.encode(decoder.decode()));
  flush();
  return new Blob(blobs, { type: 'text/csv' });
}
