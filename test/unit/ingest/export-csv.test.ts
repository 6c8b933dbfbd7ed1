import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../../src/ingest/export-csv';

describe('neutralise', () => {
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
  ])('%j → %j', (cell, expected) => {
    expect(neutralise(cell)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes what needs quoting', () => {
    const csv = toCsv(['name', 'value'], [['甲, "新"区', 1.5], ['=1+1', null]]);
    expect(csv).toBe('\uFEFFname,value\r\n"甲, ""新""区",1.5\r\n\'=1+1,\r\n');
  });
});
