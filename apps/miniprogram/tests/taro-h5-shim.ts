// What `@tarojs/taro` is inside an H5 build, for vitest: the H5 API plus the React page hooks on one
// default object (Taro's Babel step wires this up in real builds; vitest needs it done by hand).
import TaroH5 from '@tarojs/taro-h5';
import * as api from '@tarojs/taro-h5';
import * as hooks from '@tarojs/plugin-framework-react/dist/runtime';

const Taro = TaroH5 as unknown as Record<string, unknown>;
for (const [k, v] of Object.entries({ ...api, ...hooks })) {
  if (k !== 'default' && Taro[k] === undefined) Taro[k] = v;
}

export * from '@tarojs/taro-h5';
export * from '@tarojs/plugin-framework-react/dist/runtime';
export default Taro;
