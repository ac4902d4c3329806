// Where the problem is: the address in words, and a point from WeChat's map picker or the browser's
// position (lib/location*.ts), always kept in GCJ-02.
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { pickLocation, PICK_LABEL } from '../../lib/location';

export interface LocationValue {
  address: string;
  lat?: number;
  lng?: number;
}

export function LocationField(props: { value: LocationValue; onChange: (v: LocationValue) => void; error?: string }) {
  const { value } = props;
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const pick = async () => {
    setBusy(true);
    setNote(null);
    try {
      const place = await pickLocation();
      if (place) props.onChange({ address: place.address || value.address, lat: place.lat, lng: place.lng });
    } catch (e) {
      setNote((e as Error).message);
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
        <Button type="primary" fill="outline" loading={busy} onClick={() => void pick()} data-testid="pick-location">
          {PICK_LABEL}
        </Button>
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
