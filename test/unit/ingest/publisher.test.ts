import { describe, expect, it } from 'vitest';
import { splitFlag } from '../../../src/domain/flags';
import { conventionsOf } from '../../../src/domain/publishers';
import { packedKeys, packedRole, unpack } from '../../../src/ingest/sniff/packed';
import { guessPublisher, isFlaggedCell } from '../../../src/ingest/sniff/publisher';

const signs = { headers: [], metadataLines: [], footerLines: [], packed: false, flaggedCells: 0 };

describe('flags after values', () => {
  it('splits the letters after a number or a missing mark, and nothing else', () => {
    expect(splitFlag('12.3 p')).toEqual({ text: '12.3', flag: 'p' });
    expect(splitFlag('34086 ep ')).toEqual({ text: '34086', flag: 'ep' });
    expect(splitFlag(': c')).toEqual({ text: ':', flag: 'c' });
    expect(splitFlag('12.3')).toEqual({ text: '12.3', flag: '' });
    expect(splitFlag('12 EUR')).toEqual({ text: '12 EUR', flag: '' });
    expect(splitFlag('12 abcd')).toEqual({ text: '12 abcd', flag: '' });
    expect(splitFlag('165994 @C')).toEqual({ text: '165994', flag: 'c' });
    expect(splitFlag(': @C')).toEqual({ text: ':', flag: 'c' });
  });

  it('counts as flagged only a number or `:` before the flag', () => {
    expect(['12.3 p', '0 e', ': c', '-1,5 b'].map(isFlaggedCell)).toEqual([true, true, true, true]);
    expect(['Berlin Mitte', 'Bad Homburg vor der', '12.3', 'p', ''].map(isFlaggedCell)).toEqual([false, false, false, false, false]);
  });
});

describe('packed keys', () => {
  it('reads the keys of a Eurostat header, old and new', () => {
    expect(packedKeys('freq,unit,geo\\TIME_PERIOD')).toEqual(['freq', 'unit', 'geo']);
    expect(packedKeys('unit,geo\\time')).toEqual(['unit', 'geo']);
    expect(packedKeys('geo\\time')).toBeNull();
    expect(packedKeys('Region, Jahr')).toBeNull();
  });

  it('splits a record, and gives each key its role', () => {
    expect(unpack(['A,PC,AT', '1', '2'], 3)).toEqual(['A', 'PC', 'AT', '1', '2']);
    expect(unpack(['A,PC', '1'], 3)).toEqual(['A', 'PC', '', '1']);
    expect(['freq', 'unit', 'geo', 'na_item', 'sex'].map(packedRole)).toEqual(['ignore', 'unit', 'entity', 'indicator', 'indicator']);
  });
});

describe('publisher families', () => {
  it('proposes each family from what its files show', () => {
    expect(guessPublisher({ ...signs, packed: true })).toBe('eurostat');
    expect(guessPublisher({ ...signs, flaggedCells: 3 })).toBe('eurostat');
    expect(guessPublisher({ ...signs, headers: ['WEO Country Code', 'ISO', 'Country', '2020', 'Estimates Start After'] })).toBe('imf');
    expect(guessPublisher({ ...signs, metadataLines: ['GENESIS-Tabelle: 12411-0005'] })).toBe('destatis');
    expect(guessPublisher({ ...signs, footerLines: ['(C)opyright Statistisches Bundesamt (Destatis), 2024'] })).toBe('destatis');
    expect(guessPublisher({ ...signs, metadataLines: ['数据库：分省年度数据'] })).toBe('nbs');
    expect(guessPublisher({ ...signs, headers: ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', '1960'] })).toBe('worldbank');
    expect(guessPublisher({ ...signs, headers: ['地区', '年份', 'GDP'] })).toBe('generic');
  });

  it('gives Destatis `-` as zero and `x` as missing, Eurostat flags, and the others the general rules', () => {
    expect(conventionsOf('destatis')).toMatchObject({ zeroMarkers: ['-'], valueFlags: false });
    expect(conventionsOf('destatis').missingMarkers).toContain('x');
    expect(conventionsOf('eurostat').valueFlags).toBe(true);
    expect(conventionsOf(undefined)).toEqual({ valueFlags: false, zeroMarkers: [], missingMarkers: [], plainFlags: [] });
    expect(conventionsOf('imf')).toEqual(conventionsOf('generic'));
  });
});
