// Types for the untyped runtime entry the jsdom tests use.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createH5NativeComponentConfig(component: unknown, react: unknown, reactDom: unknown): unknown;
}
