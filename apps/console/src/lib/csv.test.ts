// CSV export: what Excel opens correctly, and no formula smuggled in through a citizen's text.
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, CRLF rows, quotes where needed and neutralises formulas', () => {
    const csv = toCsv(['分类', '来件量', '满意率'], [
      ['噪声扰民', 3, '66.7%'],
      ['含,逗号', 0, null],
      ['=HYPERLINK("x")', -2, '-'],
      ['他说"好"', 1.5, undefined],
    ]);
    expect(csv.startsWith('\uFEFF分类,来件量,满意率\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1)).toEqual(['噪声扰民,3,66.7%', '"含,逗号",0,', `"'=HYPERLINK(""x"")",-2,'-`, '"他说""好""",1.5,', '']);
  });
});
