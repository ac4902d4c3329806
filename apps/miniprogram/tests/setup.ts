// Setup of the "ui" vitest project. In jsdom: the Taro H5 runtime wired to React, a canvas stub, and a
// clean Taro storage (localStorage) and router for every test. The build checks run in node: nothing.
import { afterEach, beforeEach, vi } from 'vitest';

if (typeof window !== 'undefined') {
  const [{ Current }, { createH5NativeComponentConfig }, React, ReactDOM] = await Promise.all([
    import('@tarojs/runtime'),
    import('@tarojs/plugin-framework-react/dist/runtime'),
    import('react'),
    import('react-dom'),
  ]);
  // Some libraries ask for a 2D context at import time; jsdom has none.
  HTMLCanvasElement.prototype.getContext = vi.fn(() => null) as unknown as HTMLCanvasElement['getContext'];
  // Connects Taro's H5 runtime (hooks, Current) to this React.
  createH5NativeComponentConfig(() => null, React, ReactDOM);

  beforeEach(() => {
    localStorage.clear();
    (Current as { router: unknown }).router = { params: {}, path: '/pages/index/index', onReady: '', onHide: '', onShow: '' };
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
