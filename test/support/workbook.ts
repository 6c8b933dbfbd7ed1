import ExcelJS from 'exceljs';

/**
 * A workbook as statistics offices send them: a title merged across the table, a unit line, a
 * header of two rows (地区 and 年份 merged down, 满意度 merged over the two indicators under it),
 * years as date cells shown as 年, one value a formula, a second sheet of notes.
 */
export const WORKBOOK_ROWS = [
  ['东湖区', 2023, 91.5, 88.2],
  ['东湖区', 2024, 92.1, 89.04],
  ['西城区', 2023, 87.25, 85],
  ['西城区', 2024, 0.1 + 0.2 + 88, 86.5],
] as const;

export async function surveyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '本表为示例，数据为虚构。';
  const ws = wb.addWorksheet('满意度');
  ws.getCell('A1').value = '云澜市各区县满意度调查（2023—2024年）';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = '单位：%';
  ws.getCell('A3').value = '地区';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = '年份';
  ws.mergeCells('B3:B4');
  ws.getCell('C3').value = '满意度';
  ws.mergeCells('C3:D3');
  ws.getCell('C4').value = '群众满意度';
  ws.getCell('D4').value = { richText: [{ text: '营商环境' }, { text: '满意度', font: { bold: true } }] };
  WORKBOOK_ROWS.forEach(([name, year, a, b], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = name;
    const date = ws.getCell(r, 2);
    date.value = new Date(Date.UTC(year, 0, 1));
    date.numFmt = 'yyyy"年"';
    ws.getCell(r, 3).value = a;
    // One value as a formula, saved with its result as Excel saves it.
    ws.getCell(r, 4).value = i === 1 ? { formula: 'ROUND(89.04,2)', result: b } : b;
  });
  ws.getCell(10, 1).value = '注：满意度为抽样调查结果。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip whose central directory lists `parts` ([name, compressed, uncompressed]) after `prefix` bytes, and holds no data. */
export function fakeZip(parts: [string, number, number][], prefix = 0): Uint8Array {
  const enc = new TextEncoder();
  const central = parts.map(([name, c, u]) => {
    const n = enc.encode(name);
    const b = new Uint8Array(46 + n.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint32(20, c, true);
    v.setUint32(24, u, true);
    v.setUint16(28, n.length, true);
    b.set(n, 46);
    return b;
  });
  const size = central.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(prefix + size + 22);
  // A local file header's signature first, as a real zip begins (what the upload checks for).
  if (prefix >= 4) new DataView(out.buffer).setUint32(0, 0x04034b50, true);
  let at = prefix;
  for (const b of central) {
    out.set(b, at);
    at += b.length;
  }
  const v = new DataView(out.buffer);
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, parts.length, true);
  v.setUint16(at + 10, parts.length, true);
  v.setUint32(at + 12, size, true);
  v.setUint32(at + 16, prefix, true);
  return out;
}

export function renamePart(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to.padEnd(from.length, '_').slice(0, from.length));
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((x, k) => out[i + k] === x)) out.set(b, i);
  return out;
}
