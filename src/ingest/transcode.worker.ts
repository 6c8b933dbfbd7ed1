// Re-encodes a GBK/GB18030 or UTF-16 file to UTF-8 off the main thread, chunk by chunk, because
// DuckDB's read_csv reads UTF-8 only (the encodings extension cannot be installed offline).

interface Request {
  file: Blob;
  encoding: string;
}

export type TranscodeMessage = { type: 'progress'; read: number; total: number } | { type: 'done'; blob: Blob } | { type: 'error'; message: string };

const post = (message: TranscodeMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<Request>) => {
  const { file, encoding } = event.data;
  try {
    // ignoreBOM false: the decoder drops the byte-order mark, so the output starts with the header.
    const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
    const encoder = new TextEncoder();
    const parts: BlobPart[] = [];
    const reader = file.stream().getReader();
    let read = 0;
    let lastReport = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      parts.push(encoder.encode(decoder.decode(value, { stream: true })));
      if (read - lastReport > 1 << 20) {
        lastReport = read;
        post({ type: 'progress', read, total: file.size });
      }
    }
    parts.push(encoder.encode(decoder.decode()));
    post({ type: 'done', blob: new Blob(parts, { type: 'text/csv' }) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
