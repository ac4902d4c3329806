// A Taro build plugin that adds aria-* attributes to the mini-program's View, Text and Image
// templates (see a11y-attributes.cjs). It does what @tarojs/plugin-inject does for components, with
// Taro 4.2.1's own hooks: plugin-inject is published only in lockstep with Taro 4.1.11 and its peer
// pins refuse to install beside 4.2.1.
const path = require('node:path');
const attributes = require('./a11y-attributes.cjs');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return; // H5 renders real DOM: aria-* reach it without help
      // Build time: the template of each component gets the attributes.
      platform.template.mergeComponents(ctx, attributes);
      // Run time: Taro's reconciler must know them too, or it drops them before they reach the template.
      const runtime = path.resolve(__dirname, 'a11y-runtime.js');
      platform.runtimePath = [].concat(platform.runtimePath || [], runtime);
    },
  });
};
