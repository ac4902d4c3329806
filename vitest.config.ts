// Projects: pure unit tests run anywhere; *.int.test.ts drive the real services (SecantusDB/MongoDB
// and MinIO/S3) that tests/setup/services.ts starts once per run; ui and weapp run the Taro app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The compiled mini-program may leave a wx API's failure unhandled, as WeChat allows (it reports it
    // and runs on); the weapp tests collect and assert those themselves (tests/weapp/support/app-harness.ts).
    onUnhandledError(error) {
      const e = error as { errMsg?: unknown; VITEST_TEST_PATH?: unknown };
      const fromWeapp = typeof e.VITEST_TEST_PATH === 'string' && e.VITEST_TEST_PATH.includes('/tests/weapp/');
      if (fromWeapp && typeof e.errMsg === 'string' && /^[A-Za-z]+:fail /.test(e.errMsg)) return false;
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'apps/**/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts', 'apps/miniprogram/**', 'apps/h5/**', 'tests/weapp/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/**/src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'tests/weapp/**'],
          environment: 'node',
          globalSetup: ['tests/setup/services.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The database is one Python process: running files one after another keeps it honest.
          fileParallelism: false,
        },
      },
      // The compiled mini-program (apps/miniprogram/dist, built by scripts/ensure-build.mjs weapp) run in
      // Node by WeChat's miniprogram-simulate against the real gateway, SecantusDB and MinIO; its `wx`
      // is tests/weapp/support/wx.ts. jsdom draws the pages; node-realm.ts gives Node code back its own
      // binary and form classes.
      {
        test: {
          name: 'weapp',
          include: ['tests/weapp/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'jsdom',
          setupFiles: ['tests/weapp/support/node-realm.ts'],
          // The build may take a minute or two on two cores the first time.
          globalSetup: ['tests/weapp/support/build-setup.ts', 'tests/setup/services.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      // The Taro app (apps/miniprogram, apps/h5): form logic and components in jsdom with the real
      // Taro H5 runtime, plus the weapp/H5 build checks (*.build.test.ts, node environment).
      {
        define: {
          MINHU_API_BASE: '""',
          DEPRECATED_ADAPTER_COMPONENT: 'false',
          ENABLE_INNER_HTML: 'true',
          ENABLE_ADJACENT_HTML: 'false',
          ENABLE_SIZE_APIS: 'false',
          ENABLE_TEMPLATE_CONTENT: 'false',
          ENABLE_CLONE_NODE: 'false',
          ENABLE_CONTAINS: 'false',
          ENABLE_MUTATION_OBSERVER: 'false',
        },
        resolve: {
          alias: [
            { find: /^@tarojs\/taro$/, replacement: fileURLToPath(new URL('./apps/miniprogram/tests/taro-h5-shim.ts', import.meta.url)) },
            { find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' },
            { find: /^@tarojs\/plugin-framework-react\/dist\/runtime$/, replacement: fileURLToPath(new URL('./apps/miniprogram/node_modules/@tarojs/plugin-framework-react/dist/runtime.js', import.meta.url)) },
            { find: /^@nutui\/nutui-react-taro$/, replacement: fileURLToPath(new URL('./apps/miniprogram/tests/nutui.ts', import.meta.url)) },
          ],
        },
        test: {
          name: 'ui',
          include: ['apps/miniprogram/src/**/*.test.{ts,tsx}', 'apps/h5/tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'jsdom',
          env: { TARO_ENV: 'h5', TARO_PLATFORM: 'web' },
          setupFiles: ['apps/miniprogram/tests/setup.ts'],
          server: { deps: { inline: [/@tarojs\//, /@nutui\//] } },
          testTimeout: 20_000,
          // The build checks may run a full Taro build when dist/ is missing.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
