// Entry of the staff console: zod without eval (first, before any schema exists), Ant Design in
// Chinese (zh_CN, dayjs in zh-cn), then the app shell.
import './lib/zod-setup';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installChineseValidationMessages } from './lib/zod-messages';
import { Shell } from './Shell';

dayjs.locale('zh-cn');
installChineseValidationMessages();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
