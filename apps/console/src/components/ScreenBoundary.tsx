// Keeps a failure inside one screen: the menu stays usable and the operator can move on or reload.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <Result status="error" title="页面出错了" subTitle="请刷新页面重试；问题持续时请联系管理员。" extra={<Button onClick={() => window.location.reload()}>刷新页面</Button>} />;
  }
}
