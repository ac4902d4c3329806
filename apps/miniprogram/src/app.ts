// App entry: zod is configured before any schema loads, then the global styles.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
