// App entry: zod is configured before any schema loads, then the global styles; WeChat's privacy
// check gets its listener before any page can call a personal-data API, NutUI's icons are drawn
// with elements WeChat's templates know, and (H5) the tab bar's `javascript:` links never run under the CSP.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import { drawNutuiIconsAsViews } from './lib/nutui-icons';
import { installPrivacyHandler } from './lib/privacy';
import { guardScriptLinks } from './lib/script-links';
import './app.scss';

installPrivacyHandler();
drawNutuiIconsAsViews();
guardScriptLinks();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
