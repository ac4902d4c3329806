// Why: citizens from Hong Kong, Macao and Taiwan (and some phone keyboards) type traditional characters;
// the KB and every rule are simplified. OpenCC's dictionaries (opencc-js) convert whole words and phrases,
// Hong Kong and Taiwan variants included — far beyond a hand-kept character table.
import * as OpenCC from 'opencc-js';

const hongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const taiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function toSimplified(text: string): string {
  return taiwan(hongKong(text));
}
