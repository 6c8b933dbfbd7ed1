// Rows in ClickHouse's RowBinary format, for the loader's inserts. A number in a text format is
// read back by ClickHouse 18.16's fast float parser, which can land one unit in the last place
// away (35.5893451751129 became 35.589345175112896); in RowBinary a double travels as its eight
// bytes, and text as its UTF-8 bytes with no escaping to get wrong.
import type { Row } from '../../src/engine/types';

export type ColumnType = 'String' | 'Float64' | 'Int32' | 'DateTime' | `Nullable(${'String' | 'Float64' | 'Int32'})`;

export interface Column {
  name: string;
  type: ColumnType;
}

const encoder = new TextEncoder();

/** A growable byte buffer with the little-endian writes RowBinary needs. */
class Bytes {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    let v = n;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }

  text(s: string): void {
    const bytes = encoder.encode(s);
    this.varint(bytes.length);
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  float64(x: number): void {
    this.room(8);
    this.view.setFloat64(this.length, x, true);
    this.length += 8;
  }

  int32(x: number): void {
    this.room(4);
    this.view.setInt32(this.length, x, true);
    this.length += 4;
  }

  uint32(x: number): void {
    this.room(4);
    this.view.setUint32(this.length, x, true);
    this.length += 4;
  }

  done(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

function write(out: Bytes, type: ColumnType, value: unknown, column: string): void {
  const nullable = type.startsWith('Nullable(');
  if (nullable) {
    out.byte(value === null || value === undefined ? 1 : 0);
    if (value === null || value === undefined) return;
  } else if (value === null || value === undefined) throw new Error(`column ${column} holds no value`);
  const base = nullable ? type.slice(9, -1) : type;
  if (base === 'String') out.text(String(value));
  else if (base === 'Float64') out.float64(Number(value));
  else if (base === 'Int32') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`column ${column}: ${String(value)} is not a 32-bit integer`);
    out.int32(n);
  } else {
    // DateTime: seconds since 1970 UTC, from an ISO timestamp.
    const ms = Date.parse(String(value).replace(' ', 'T').replace(/Z?$/, 'Z'));
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`column ${column}: ${String(value)} is not a timestamp after 1970`);
    out.uint32(Math.floor(ms / 1000));
  }
}

/** `rows` as RowBinary for `INSERT INTO t (columns) FORMAT RowBinary`. */
export function rowBinary(columns: readonly Column[], rows: readonly Row[]): Uint8Array<ArrayBuffer> {
  const out = new Bytes();
  for (const row of rows) for (const c of columns) write(out, c.type, row[c.name], c.name);
  return out.done();
}
