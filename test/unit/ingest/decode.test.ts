import { describe, expect, it } from 'vitest';
import { decodePrefix, detectEncoding } from '../../../src/ingest/decode';
import { encodeGb18030 } from '../../support/csv-gen';
import { NO_REALDATA, REALDATA_LABEL, realBytes as real } from '../../support/realdata';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 bytes written by hand: TextEncoder only produces UTF-8. */
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (_, i) => text.charCodeAt(i))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((u, i) => view.setUint16(i * 2, u, littleEndian));
  return bytes;
}

describe('detectEncoding', () => {
  it('reads the byte-order marks', () => {
    expect(detectEncoding(utf8('\ufeff地区,2024年\n'))).toBe('utf-8');
    expect(detectEncoding(utf16('地区,2024年\n', true))).toBe('utf-16le');
    expect(detectEncoding(utf16('地区,2024年\n', false))).toBe('utf-16be');
  });

  it('takes valid UTF-8 without a BOM as UTF-8, plain ASCII included', () => {
    expect(detectEncoding(utf8('Country Name,Year,Value\n'))).toBe('utf-8');
    expect(detectEncoding(utf8('地区,年份,数值\n北京,2024,1\n'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array())).toBe('utf-8');
  });

  it('does not fail on a multi-byte character cut at the end of the prefix', () => {
    const bytes = utf8('地区,年份\n北京');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2))).toBe('utf-8');
  });

  it('takes bytes that are not UTF-8 as GB18030', () => {
    // 北京 in GBK.
    expect(detectEncoding(new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9, 0x2c, 0x31, 0x0a]))).toBe('gb18030');
  });

  it('takes Latin text that is not UTF-8 as Windows-1252 (Latin-1), and Chinese as GB18030', () => {
    const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
    expect(detectEncoding(latin1('Bundesland;Jahr;Wert\nThüringen;2021;1\nBaden-Württemberg;2021;2\nBayern;2021;3\n'))).toBe('windows-1252');
    expect(detectEncoding(latin1('Région;Année;Valeur\nÎle-de-France;2021;1\nBretagne;2021;2\n'))).toBe('windows-1252');
    // A high byte before a delimiter cannot start a GB18030 character at all.
    expect(detectEncoding(latin1('Land;Wert\nÖ;1\n'))).toBe('windows-1252');
    // 北京市,1 and 上海市,2 in GBK.
    expect(detectEncoding(new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9, 0xca, 0xd0, 0x2c, 0x31, 0x0a, 0xc9, 0xcf, 0xba, 0xa3, 0xca, 0xd0, 0x2c, 0x32]))).toBe('gb18030');
    expect(decodePrefix(latin1('Thüringen;1'), 'windows-1252')).toBe('Thüringen;1');
  });

  it('recognises UTF-16 saved without a BOM by its zero bytes', () => {
    expect(detectEncoding(utf16('region,2024\nA,1\n', true, false))).toBe('utf-16le');
    expect(detectEncoding(utf16('region,2024\nA,1\n', false, false))).toBe('utf-16be');
  });
});

describe('decodePrefix', () => {
  it('drops the BOM of UTF-8 and UTF-16', () => {
    expect(decodePrefix(utf8('\ufeff地区,2024年\n'), 'utf-8')).toBe('地区,2024年\n');
    expect(decodePrefix(utf16('地区,2024年\n', true), 'utf-16le')).toBe('地区,2024年\n');
    expect(decodePrefix(utf16('地区,2024年\n', false), 'utf-16be')).toBe('地区,2024年\n');
  });

  it('drops a character cut at the end of the bytes instead of showing U+FFFD', () => {
    const bytes = utf8('北京,1\n天津');
    expect(decodePrefix(bytes.subarray(0, bytes.length - 1), 'utf-8')).toBe('北京,1\n天');
    const gbk = encodeGb18030('数据库：分省年度数据\r\n');
    expect(decodePrefix(gbk.subarray(0, 3), 'gb18030')).toBe('数');
  });

  it('cuts at maxChars, never inside a surrogate pair', () => {
    expect(decodePrefix(utf8('\ufeffabcdef'), 'utf-8', 3)).toBe('abc');
    expect(decodePrefix(utf8('ab😀cd'), 'utf-8', 3)).toBe('ab');
    expect(decodePrefix(utf8('ab😀cd'), 'utf-8', 4)).toBe('ab😀');
    expect(decodePrefix(utf8('地区'), 'utf-8', 10)).toBe('地区');
  });
});

// Skipped where the folder is absent: test/integration/real-shapes.test.ts covers the same encodings.
describe.skipIf(NO_REALDATA)(`the real files of ${REALDATA_LABEL}`, () => {
  it.each([
    ['nbs-province-gbk/分省年度数据 (5).csv', 'gb18030'],
    ['nbs-province-gbk/分省年度数据_整合.csv', 'utf-8'],
    ['statcan-province-population/canada_province_population.csv', 'utf-8'],
    ['wdi-industry-long/nv.ind.totl.zs_data.csv', 'utf-8'],
    ['wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv', 'utf-8'],
  ])('%s is %s', (path, encoding) => {
    expect(detectEncoding(real(path))).toBe(encoding);
    expect(detectEncoding(real(path).subarray(0, 64 * 1024))).toBe(encoding);
  });

  it('decodes the GB18030 export of the NBS', () => {
    const text = decodePrefix(real('nbs-province-gbk/分省年度数据 (5).csv'), 'gb18030');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['数据库：分省年度数据', '指标：固定资产投资(不含农户)实际到位资金_比上年增长(%)']);
    expect(text).not.toContain('\ufffd');
  });
});
