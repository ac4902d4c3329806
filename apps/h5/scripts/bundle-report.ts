// Prints the bundle figures for BENCHMARKS.md as JSON (run: npx tsx apps/h5/scripts/bundle-report.ts).
// Builds a target first if its dist/ is missing.
import { ensureBuilt, H5_FIRST_SCREEN_GZIP_BUDGET, h5Sizes, WEAPP_MAIN_PACKAGE_BUDGET, weappSizes } from './bundle-metrics.js';

ensureBuilt('weapp');
ensureBuilt('h5');
const weapp = weappSizes();
const h5 = h5Sizes();

console.log(
  JSON.stringify(
    {
      weappMainPackageBytes: weapp.mainPackageBytes,
      weappMainPackageBudgetBytes: WEAPP_MAIN_PACKAGE_BUDGET,
      weappSubpackageBytes: weapp.subpackageBytes,
      weappTotalBytes: weapp.totalBytes,
      h5FirstScreenJsGzipBytes: h5.firstScreenJsGzipBytes,
      h5FirstScreenJsGzipBudgetBytes: H5_FIRST_SCREEN_GZIP_BUDGET,
      h5EntryJsGzipBytes: h5.entryJsGzipBytes,
      h5EntryScripts: h5.entryScripts,
      h5HomeChunks: h5.homeChunks,
      h5TotalJsBytes: h5.totalJsBytes,
      h5JsFiles: h5.jsFiles,
      withinBudget: weapp.mainPackageBytes <= WEAPP_MAIN_PACKAGE_BUDGET && h5.firstScreenJsGzipBytes <= H5_FIRST_SCREEN_GZIP_BUDGET,
    },
    null,
    2,
  ),
);
