import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/domain/numbers';
import { guessDecimalMark, swapDecimalMarks } from '../../../src/ingest/sniff/decimal';
import { sniff, toMapping } from '../../../src/ingest/sniff';

// Continental European files write decimal commas between `;` fields.

const DESTATIS = ['Bundesland;Jahr;Arbeitslosenquote;Einwohner', 'Berlin;2021;9,8;3.664.088', 'Bremen;2021;10,2;680.130', 'Hamburg;2021;7,6;1.853.935'].join('\n');

describe('decimal commas', () => {
  it('are read in a ; file that shows them, with points grouping thousands', () => {
    const sniffed = sniff(DESTATIS, { complete: true });
    expect(sniffed.decimal).toBe(',');
    expect(sniffed.layout).toBe('wide-indicator');
    expect(sniffed.columns.map((c) => c.role)).toEqual(['entity', 'period', 'measure', 'measure']);
    // German key headers (Bundesland, Jahr) are guessed from their cells, and said.
    expect(sniffed.warnings).toEqual(['sniff.entityGuessed', 'sniff.periodGuessed']);
    expect(toMapping(sniffed, 'utf-8').read.decimal).toBe(',');
  });

  it('turn into the numbers they mean once comma and point are exchanged', () => {
    const read = (s: string) => parseNumber(swapDecimalMarks(s));
    expect(['12,5', '-0,25', '1.234,5', '3.664.088', '7', '1.234.567,891', '45,5 %'].map(read)).toEqual([12.5, -0.25, 1234.5, 3664088, 7, 1234567.891, 45.5]);
  });

  it('are never guessed in a , file, and a ; file of 1,234 alone is read with a point and said', () => {
    expect(guessDecimalMark([['1,5']], ',')).toEqual({ mark: '.', ambiguous: false });
    expect(guessDecimalMark([['A', '1,234'], ['B', '2,500']], ';')).toEqual({ mark: '.', ambiguous: true });
    expect(guessDecimalMark([['A', '1,234'], ['B', '2,5']], ';')).toEqual({ mark: ',', ambiguous: false });
    expect(guessDecimalMark([['A', '1.5'], ['B', '2.25']], ';')).toEqual({ mark: '.', ambiguous: false });
    const ambiguous = sniff('Region;Year;Value\nA;2021;1,234\nB;2021;2,500\n', { complete: true });
    expect(ambiguous.decimal).toBe('.');
    expect(ambiguous.warnings).toContain('sniff.decimalAmbiguous');
  });
});
