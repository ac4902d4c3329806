// Where the problem is: map picker on the mini-program (Taro.chooseLocation); address text plus
// optional browser geolocation on H5.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';

export interface LocationValue {
  address: string;
  lat?: number;
  lng?: number;
}

export function LocationField(props: { value: LocationValue; onChange: (v: LocationValue) => void; error?: string }) {
  const { value } = props;
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const pickOnMap = async () => {
    setNote(null);
    try {
      const res = await Taro.chooseLocation({});
      const address = [res.address, res.name].filter(Boolean).join(' ').trim();
      props.onChange({ address: address || value.address, lat: res.latitude, lng: res.longitude });
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) setNote('未能打开地图，请直接填写地址，或在设置中允许使用位置');
    }
  };

  const useCurrentPosition = async () => {
    setBusy(true);
    setNote(null);
    try {
      const res = await Taro.getLocation({ type: 'wgs84' });
      props.onChange({ ...value, lat: res.latitude, lng: res.longitude });
    } catch {
      setNote('无法获取当前位置，请直接填写地址');
    } finally {
      setBusy(false);
    }
  };

  const hasPoint = value.lat !== undefined && value.lng !== undefined;
  return (
    <View data-testid="location-field">
      <TextArea
        value={value.address}
        onChange={(address) => props.onChange({ ...value, address })}
        maxLength={200}
        autoSize
        placeholder="详细地址，如：某某区某某路 12 号某某小区东门"
        data-testid="address-input"
      />
      <View className="mh-report__loc-actions">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button type="primary" fill="outline" onClick={() => void pickOnMap()} data-testid="choose-location">
            在地图上选择位置
          </Button>
        ) : (
          <Button type="primary" fill="outline" loading={busy} onClick={() => void useCurrentPosition()} data-testid="use-geolocation">
            附上我的当前位置
          </Button>
        )}
        {hasPoint && (
          <Text className="mh-muted mh-report__loc-ok">
            已附上定位
            <Text className="mh-report__link" onClick={() => props.onChange({ address: value.address })}>
              （清除）
            </Text>
          </Text>
        )}
      </View>
      {note && <Text className="mh-error-text">{note}</Text>}
      {props.error && <Text className="mh-error-text">{props.error}</Text>}
    </View>
  );
}
