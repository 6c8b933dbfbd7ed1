import type { CDPSession, Page } from 'playwright-core';

// The JS heap of a page after garbage collection, with compiled code counted apart: V8 keeps
// compiling (and recompiling) functions for the first several hundred interactions, and that
// growth is neither a leak nor to be mistaken for one. Shared by the long runs and the bench.

export interface HeapFigures {
  /** V8's used heap, bytes, as the DevTools memory panel reports it. */
  used: number;
  /** The part of it that is compiled code (bytecode, optimised code and their metadata). */
  code: number;
  /** Everything else: the objects a leak would be made of. */
  data: number;
}

/** Self sizes of the heap snapshot's nodes of type code. */
async function codeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const code = snap.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += width) if (snap.nodes[i + typeAt] === code) bytes += snap.nodes[i + sizeAt] ?? 0;
  return bytes;
}

/** The heap after three collections, split into code and the rest. */
export async function heapAfterGc(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const code = await codeBytes(cdp);
    return { used: usedSize, code, data: usedSize - code };
  } finally {
    await cdp.detach();
  }
}
