// H5-only build settings (output names, page template, router); merged by apps/miniprogram/config.
const path = require('node:path');
const { FirstScreenPlugin } = require('./first-screen-plugin.cjs');
const { RootFontScriptPlugin } = require('./root-font-script-plugin.cjs');

/** @param {string} _appRoot absolute path of apps/miniprogram (the Taro app root) */
function h5Config(_appRoot) {
  const h5Root = path.resolve(__dirname, '..');
  return {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'browser' },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[contenthash:8].js',
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    imageUrlLoaderOption: { limit: 4096, name: 'static/images/[name].[contenthash:8].[ext]' },
    htmlPluginOption: { template: path.join(h5Root, 'src', 'index.html') },
    esnextModules: ['nutui-react'],
    postcss: {
      autoprefixer: { enable: true, config: {} },
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    devServer: { port: 10086 },
    webpackChain(chain) {
      chain.plugin('minhuFirstScreen').use(FirstScreenPlugin);
      chain.plugin('minhuRootFontScript').use(RootFontScriptPlugin);
      // Taro splits only the initial chunks, so every lazy page carried its own copy of zod, the Taro
      // components and NutUI. Split async chunks too: shared code is fetched once and cached.
      const split = chain.optimization.get('splitChunks') || {};
      chain.optimization.splitChunks({
        ...split,
        chunks: 'all',
        minSize: 20000,
        maxAsyncRequests: 10,
        cacheGroups: {
          ...split.cacheGroups,
          common: { ...(split.cacheGroups && split.cacheGroups.common), reuseExistingChunk: true },
          vendors: { ...(split.cacheGroups && split.cacheGroups.vendors), reuseExistingChunk: true },
        },
      });
    },
  };
}

module.exports = { h5Config };
