// Small files in the shape of publishers' exports, shared by the integration and browser tests.

/** Eurostat TSV: packed keys, flags after values (4 flagged), `:` and `: c` missing; 13 values. */
export const EUROSTAT_POPULATION = [
  'freq,indic_de,geo\\TIME_PERIOD\t2014 \t2015 \t2016 ',
  'A,JAN,AT\t8507786 \t8584926 \t8700471 ',
  'A,JAN,BE\t11180840 \t11237274 \t11311117 ',
  'A,JAN,DE\t80767463 \t81197537 b\t82175684 ',
  'A,JAN,EL\t: \t10858018 \t10783748 p',
  'A,JAN,FR\t66165980 bep\t66458153 e\t: c',
].join('\n');
