// App entry: zod is configured before any schema loads, then the global styles; WeChat's privacy
// check gets its listener before any page can call a personal-data API, and NutUI's icons are drawn
// with elements WeChat's templates know.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import { drawNutuiIconsAsViews } from './lib/nutui-icons';
import { installPrivacyHandler } from './lib/privacy';
import './app.scss';

installPrivacyHandler();
drawNutuiIconsAsViews();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
