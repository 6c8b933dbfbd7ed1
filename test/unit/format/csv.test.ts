import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/format/csv';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes what needs quoting', () => {
    const csv = toCsv(['name', 'value'], [['甲, "新"区', 1.5], ['乙', null]]);
    expect(csv).toBe('\uFEFFname,value\r\n"甲, ""新""区",1.5\r\n乙,\r\n');
  });

  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['-12.5', '-12.5'],
    ['-1e3', '-1e3'],
    ['东湖区', '东湖区'],
    ['', ''],
  ])('writes %j so that a spreadsheet reads it back as the text %j', (cell, shown) => {
    const csv = toCsv(['h'], [[cell]]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(parsed[1]?.[0]).toBe(shown);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(toCsv(['v'], [[-3.5], [0]])).toBe('\uFEFFv\r\n-3.5\r\n0\r\n');
  });

  it('keeps names with line breaks and quotes in one cell', () => {
    const name = '东湖\r\n"区"';
    expect(Papa.parse<string[]>(toCsv(['n'], [[name]]).slice(1)).data[1]?.[0]).toBe(name);
  });
});
