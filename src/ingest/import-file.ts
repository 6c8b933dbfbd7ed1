import { EngineLostError, type Engine } from '../engine/types';
import { isCatalogHeader, loadCatalog } from './catalog';
import { decodePrefix, detectEncoding } from './decode';
import { ImportRefused, loadDataset } from './load';
import type { Encoding, ImportMapping, ImportResult } from '../domain/mapping';
import { isBlank } from '../domain/text';
import { sniff, toMapping, type SniffResult } from './sniff';
import { readTracker, type LoadProgress } from './read-progress';
import { toUtf8 } from './transcode';

/** Files above this are refused before a byte is read: DuckDB-wasm has at most 4 GB of memory. */
export const MAX_FILE_BYTES = 1024 ** 3;
/** How much of a file is read to detect its shape and show a preview. */
export const SNIFF_BYTES = 256 * 1024;

export type RefusalReason = 'empty' | 'too-large' | 'binary' | 'no-header' | 'header-only' | 'no-values' | 'no-value-column' | 'read-failed' | 'out-of-memory' | 'engine-lost' | 'parquet-unreadable' | 'parquet-too-large' | 'xlsx-unreadable' | 'xlsx-too-large' | 'xlsx-external' | 'xlsx-empty';

/** A refused file, with a reason the interface turns into words. Never a stack trace. */
export class ImportError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

export interface Inspection {
  kind: 'data' | 'catalog';
  encoding: Encoding;
  sniffed: SniffResult;
  mapping: ImportMapping;
}

/** Control characters other than tab, CR, LF and form feed do not occur in text files. */
export function looksBinary(bytes: Uint8Array, encoding: Encoding): boolean {
  if (encoding.startsWith('utf-16')) return false;
  let control = 0;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.01;
}

/** Reads the start of a file and proposes how to import it; throws ImportError for files it refuses. */
export async function inspectFile(file: Blob, fileName: string): Promise<Inspection> {
  if (file.size === 0) throw new ImportError('empty');
  if (file.size > MAX_FILE_BYTES) throw new ImportError('too-large', String(file.size));
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const encoding = detectEncoding(head);
  if (looksBinary(head, encoding)) throw new ImportError('binary');
  const text = decodePrefix(head, encoding);
  if (isBlank(text)) throw new ImportError('empty');
  const sniffed = sniff(text, { fileName, complete: file.size <= SNIFF_BYTES });
  if (sniffed.headers.length === 0) throw new ImportError('no-header');
  if (isCatalogHeader(sniffed.headers)) return { kind: 'catalog', encoding, sniffed, mapping: toMapping(sniffed, encoding) };
  // No data and not even a header name (a file of only delimiters): there is nothing in it.
  if (sniffed.preview.length === 0) throw new ImportError(sniffed.headers.every((h) => h === '') ? 'empty' : 'header-only');
  return { kind: 'data', encoding, sniffed, mapping: toMapping(sniffed, encoding) };
}

/** What the person must fix before a mapping can load: the keys each layout needs. */
export function mappingProblems(mapping: ImportMapping): string[] {
  const has = (role: string) => mapping.columns.some((c) => c.role === role);
  const problems: string[] = [];
  if (mapping.layout === 'long' && !has('value')) problems.push('mapping.needValue');
  if (mapping.layout !== 'long' && !has('measure')) problems.push('mapping.needMeasure');
  if (mapping.layout !== 'wide-entity' && !has('entity') && isBlank(mapping.entity?.name ?? '')) problems.push('mapping.needEntity');
  if (mapping.layout !== 'wide-period' && !has('period')) problems.push('mapping.needPeriod');
  if (mapping.layout !== 'wide-indicator' && !has('indicator') && isBlank(mapping.indicator.name)) problems.push('mapping.needIndicator');
  return problems;
}

export type ImportPhase = 'transcode' | 'load' | 'save';

export interface ImportRequest {
  file: Blob;
  datasetId: string;
  name: string;
  sourceFile: string;
  mapping: ImportMapping;
  replace?: boolean;
  importedAt?: string;
  signal?: AbortSignal;
  /** `read`: during the load, how far the engine has read into the file (where it can tell). */
  onProgress?: (phase: ImportPhase, share: number, read?: LoadProgress) => void;
}

/**
 * The limit in bytes that DuckDB names in its out-of-memory error:
 * `could not allocate block of size 256.0 KiB (122.0 MiB/122.0 MiB used)`.
 */
export function memoryLimitIn(message: string): number | null {
  const m = /\/\s*([\d.]+) ([KMGT])iB used\)/.exec(message);
  return m ? Math.round(Number(m[1]) * 1024 ** ('KMGT'.indexOf(m[2] as string) + 1)) : null;
}

function explain(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  if (error instanceof ImportRefused) return new ImportError('no-values');
  // The worker stopped mid-import (a wasm heap that could not grow aborts it): the engine store
  // restarts it and restores the saved datasets; this file was never saved.
  if (error instanceof EngineLostError) return new ImportError('engine-lost');
  const message = error instanceof Error ? error.message : String(error);
  if (/out of memory|memory limit|allocation/i.test(message)) return new ImportError('out-of-memory', String(memoryLimitIn(message) ?? ''));
  return new ImportError('read-failed', message.split('\n')[0]?.slice(0, 300) ?? '');
}

/** Imports one data file: UTF-8 conversion in a worker, then DuckDB's read_csv in one transaction. */
export async function importDataFile(engine: Engine, request: ImportRequest): Promise<ImportResult> {
  const registered = `upload-${request.datasetId}.csv`;
  let unwatch: (() => void) | undefined;
  try {
    const utf8 = await toUtf8(request.file, request.mapping.read.encoding, (s) => request.onProgress?.('transcode', s), request.signal);
    request.signal?.throwIfAborted();
    request.onProgress?.('load', 0);
    await engine.registerFile(registered, utf8);
    // A clean file is read twice: its keys, then its rows, the second pass with the writing and
    // the checks after it about twice the first (profiled, npm run bench). Flag records need the
    // staged read, once.
    const track = readTracker(utf8.size, request.mapping.read.flagRows ? [1] : [1, 2], performance.now());
    unwatch = engine.watchReads?.((read) => {
      if (read.size !== utf8.size) return;
      const progress = track(read, performance.now());
      request.onProgress?.('load', progress.share, progress);
    });
    return await loadDataset(engine, {
      datasetId: request.datasetId,
      name: request.name,
      kind: 'upload',
      sourceFile: request.sourceFile,
      registeredFile: registered,
      mapping: request.mapping,
      replace: request.replace,
      importedAt: request.importedAt,
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw explain(error);
  } finally {
    unwatch?.();
    await engine.dropFile(registered).catch(() => undefined);
  }
}

/** Imports a catalog CSV: indicator definitions, targets and weights. */
export async function importCatalogFile(engine: Engine, file: Blob, id: string, encoding: Encoding, delimiter: string) {
  const registered = `catalog-${id}.csv`;
  try {
    await engine.registerFile(registered, await toUtf8(file, encoding, () => undefined));
    return await loadCatalog(engine, registered, delimiter);
  } catch (error) {
    throw explain(error);
  } finally {
    await engine.dropFile(registered).catch(() => undefined);
  }
}

export function newDatasetId(): string {
  return `up-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
