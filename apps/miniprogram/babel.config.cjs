// Babel for both Taro targets: Taro's preset plus per-component NutUI imports (JS and CSS).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: 'css',
      },
      'nutui-react-taro',
    ],
  ],
};
