// Taro build configuration shared by both targets; the H5-only part lives in apps/h5/config/h5.cjs.
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';

const appRoot = path.resolve(__dirname, '..');
const srcDir = path.resolve(appRoot, 'src');
/** The shared domain package is TypeScript source; Taro compiles only what it is told to. */
const sharedSrc = path.resolve(appRoot, '../../packages/shared/src');

/** packages/shared writes NodeNext-style `./x.js` specifiers for its `.ts` files. */
function resolveTsFromJsSpecifiers(chain: any) {
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] });
}
const isH5 = process.env.TARO_ENV === 'h5';

/** NutUI is drawn for a 375 px design, our own styles for 750. */
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file;
  return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

/** Where the weapp build goes: dist/, or the folder `npm run release:weapp` builds into (MINHU_WEAPP_OUTPUT). */
const weappOutput = process.env.MINHU_WEAPP_OUTPUT || 'dist';

export default defineConfig<'webpack5'>(async () => {
  const base: IProjectConfig<'webpack5'> = {
    projectName: 'minhu',
    date: '2026-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? '../h5/dist' : weappOutput,
    // aria-* on the mini-program's View/Text/Image (see a11y-plugin.cjs).
    plugins: [path.resolve(__dirname, 'a11y-plugin.cjs')],
    defineConstants: {
      // weapp talks to an absolute origin; H5 is served next to the API and uses same-origin /api.
      MINHU_API_BASE: JSON.stringify(isH5 ? '' : (process.env.MINHU_API_BASE ?? 'http://localhost:3000').replace(/\/+$/, '')),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    alias: {
      '@': srcDir,
      // npm placed this plugin under apps/miniprogram/node_modules; Taro's H5 runtime (hoisted to the
      // root node_modules) imports it too, so point every importer at the one copy.
      '@tarojs/plugin-framework-react': path.dirname(
        require.resolve('@tarojs/plugin-framework-react/package.json', { paths: [appRoot] }),
      ),
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
      optimizeMainPackage: { enable: true },
      compile: { include: [sharedSrc] },
      webpackChain: resolveTsFromJsSpecifiers,
    },
    h5: {},
  };
  if (isH5) {
    // apps/h5 owns the H5 specifics (output names, template, router); it is CommonJS so Taro's
    // config loader, which only transpiles files under apps/miniprogram/config, can require it.
    const h5 = require('../../h5/config/h5.cjs') as { h5Config: (root: string) => IProjectConfig<'webpack5'>['h5'] };
    const h5Part = h5.h5Config(appRoot) ?? {};
    base.h5 = {
      ...h5Part,
      compile: { include: [sharedSrc] },
      webpackChain(chain: any, webpack: any) {
        resolveTsFromJsSpecifiers(chain);
        h5Part.webpackChain?.(chain, webpack);
      },
    };
  }
  return base;
});
