// App entry: zod is configured before any schema loads, then the global styles; WeChat's privacy
// check gets its listener before any page can call a personal-data API.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import { installPrivacyHandler } from './lib/privacy';
import './app.scss';

installPrivacyHandler();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
