// The agreement pop-up WeChat's privacy check waits for (lib/privacy.ts): what we collect and why, a
// link to the full 隐私保护指引, and 同意 (a button of open-type agreePrivacyAuthorization, as WeChat
// requires) or 拒绝. Rendered by every page (PageShell); shows only while WeChat is waiting.
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { a11y } from '../lib/a11y';
import { agreePrivacy, openPrivacyGuide, PRIVACY_CHECK, refusePrivacy, subscribePrivacyRequest, type PrivacyRequest } from '../lib/privacy';
import { go, ROUTES } from '../lib/routes';
import './PrivacyPopup.scss';

const AGREE_BUTTON_ID = 'mh-privacy-agree';

export function PrivacyPopup() {
  const [request, setRequest] = useState<PrivacyRequest | null>(null);
  useEffect(() => (PRIVACY_CHECK ? subscribePrivacyRequest(setRequest) : undefined), []);
  if (!request) return null;
  return (
    <View className="mh-privacy-mask">
      <View className="mh-privacy" {...a11y('隐私保护提示', 'dialog')} data-testid="privacy-popup">
        <Text className="mh-privacy__title">隐私保护提示</Text>
        <Text className="mh-privacy__text">
          为了受理和办理您反映的问题，民呼需要使用您选择的位置、拍摄或选择的照片和视频（含录像声音）、以及您同意提供的手机号（用于 12345
          热线回访）。这些信息只用于处理您的诉求。
        </Text>
        <View className="mh-privacy__links">
          <Text className="mh-privacy__link" onClick={openPrivacyGuide} {...a11y('阅读民呼隐私保护指引', 'link')}>
            《民呼隐私保护指引》
          </Text>
          <Text className="mh-privacy__link" onClick={() => go(ROUTES.privacy())} {...a11y('阅读隐私政策', 'link')}>
            《隐私政策》
          </Text>
        </View>
        <View className="mh-privacy__actions">
          <Button className="mh-privacy__btn" onClick={refusePrivacy} data-testid="privacy-refuse">
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="mh-privacy__btn mh-privacy__btn--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => agreePrivacy(AGREE_BUTTON_ID)}
            data-testid="privacy-agree"
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
