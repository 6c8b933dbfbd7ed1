// Re-encodes a GBK/GB18030 or UTF-16 file to UTF-8 off the main thread, chunk by chunk, because
// DuckDB's read_csv reads UTF-8 only (the encodings extension cannot be installed offline).
import { streamToUtf8 } from './utf8-stream';

interface Request {
  file: Blob;
  encoding: string;
}

export type TranscodeMessage = { type: 'progress'; read: number; total: number } | { type: 'done'; blob: Blob } | { type: 'error'; message: string };

const post = (message: TranscodeMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<Request>) => {
  const { file, encoding } = event.data;
  try {
    let lastReport = 0;
    const blob = await streamToUtf8(file.stream(), encoding, {
      onRead: (read) => {
        if (read - lastReport <= 1 << 20) return;
        lastReport = read;
        post({ type: 'progress', read, total: file.size });
      },
    });
    post({ type: 'done', blob });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
