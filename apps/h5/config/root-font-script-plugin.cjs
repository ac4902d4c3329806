// Moves Taro's root-font-size script (pxtransform's rem sizing, which Taro hands the page template as
// `htmlWebpackPlugin.options.script` for an inline <script>) into a hashed file under js/, loaded by a
// plain <script src> first in <head>: the gateway's Content-Security-Policy allows scripts from
// 'self' only, so the page carries no inline script at all.
const crypto = require('node:crypto');
const path = require('node:path');

/** The html-webpack-plugin Taro's runner uses (its hooks are per class, so it must be that copy). */
function taroHtmlWebpackPlugin() {
  const runner = path.dirname(require.resolve('@tarojs/webpack5-runner/package.json', { paths: [path.resolve(__dirname, '../../miniprogram')] }));
  return require(require.resolve('html-webpack-plugin', { paths: [runner] }));
}

class RootFontScriptPlugin {
  apply(compiler) {
    const HtmlWebpackPlugin = taroHtmlWebpackPlugin();
    compiler.hooks.thisCompilation.tap('RootFontScriptPlugin', (compilation) => {
      const { RawSource } = compiler.webpack.sources;
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('RootFontScriptPlugin', (data) => {
        const code = String(data.plugin.options.script || '').trim();
        if (!code) return data;
        const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 8);
        const file = `js/root-font.${hash}.js`;
        if (!compilation.getAsset(file)) compilation.emitAsset(file, new RawSource(`${code}\n`));
        const publicPath = data.publicPath || '/';
        data.headTags.unshift(
          HtmlWebpackPlugin.createHtmlTagObject('script', { src: `${publicPath.replace(/\/?$/, '/')}${file}` }, undefined, { plugin: 'RootFontScriptPlugin' }),
        );
        return data;
      });
    });
  }
}

module.exports = { RootFontScriptPlugin };
