// 我要反映: the report form. Everything typed is kept as a local draft; photos and videos upload as
// they are added; one Idempotency-Key per draft makes a double tap or a retry file one ticket.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useEffect } from 'react';
import { TICKET_DESCRIPTION_MAX, TICKET_DESCRIPTION_MIN, TICKET_KIND_LABELS, type TicketDetail, type TicketKind } from '@minhu/shared';
import { AttachmentTiles } from '../../components/AttachmentTiles';
import { CareSwitch } from '../../components/CareSwitch';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { PhoneVerify } from '../../components/PhoneVerify';
import { ensureSignedIn } from '../../lib/auth';
import { go, ROUTES, TAB } from '../../lib/routes';
import { descriptionLength } from '../../report/validate';
import { summarize } from '../../upload/attachments';
import { CategoryField } from './CategoryField';
import { LocationField } from './LocationField';
import { NearbyIncidents } from './NearbyIncidents';
import { useNearbyIncidents } from './use-nearby-incidents';
import { useReportForm } from './use-report-form';
import './index.scss';

const KIND_ORDER: TicketKind[] = ['complaint', 'help', 'report', 'suggestion', 'praise', 'consult'];

/** After filing: the number, then the ticket's page (where the mini-program offers progress notifications). */
async function afterFiled(ticket: TicketDetail) {
  await Taro.showModal({ title: '提交成功', content: `工单号 ${ticket.number}，办理进度可在“我的工单”查看。`, showCancel: false, confirmText: '查看工单' });
  go(ROUTES.ticket(ticket.id));
}

function Field(props: { label: string; required?: boolean; hint?: string; error?: string; children: React.ReactNode; testId?: string }) {
  return (
    <View className="mh-card mh-field" data-testid={props.testId}>
      <Text className="mh-field__label">
        {props.label}
        {props.required && <Text className="mh-field__req"> *必填</Text>}
      </Text>
      {props.hint && <Text className="mh-muted mh-field__hint">{props.hint}</Text>}
      {props.children}
      {props.error && <Text className="mh-error-text">{props.error}</Text>}
    </View>
  );
}

export default function ReportPage() {
  const form = useReportForm({ ensureSignedIn: () => ensureSignedIn(TAB.report), onFiled: (t) => void afterFiled(t) });
  const { draft, errors } = form;
  const count = descriptionLength(draft.description);
  const uploads = summarize(form.attachments);
  const nearby = useNearbyIncidents({ lat: draft.lat, lng: draft.lng, categoryId: draft.categoryId });
  // A chosen incident no longer among the open ones here (closed meanwhile): the choice goes.
  useEffect(() => {
    if (draft.incidentId && nearby.key && !nearby.loading && !nearby.failed && !nearby.items.some((i) => i.id === draft.incidentId)) form.joinIncident(null);
  }, [nearby, draft.incidentId]);

  return (
    <PageShell className="mh-report" testId="page-report">
      <View className="mh-report__intro">
        <Text className="mh-muted">填写的内容会自动保存在本机，断网或关闭也不会丢失。</Text>
        <Text className="mh-report__link" onClick={form.reset} data-testid="report-reset">
          清空重填
        </Text>
      </View>
      {draft.source === 'chat' && <Text className="mh-report__from-chat">已根据您在智能问答中说的内容帮您填好，请核对后提交。</Text>}

      <Field label="反映类型" required error={errors.kind} testId="field-kind">
        <Radio.Group
          shape="button"
          direction="horizontal"
          value={draft.kind}
          onChange={(v) => form.update('kind', v as TicketKind, 'kind')}
          options={KIND_ORDER.map((k) => ({ label: TICKET_KIND_LABELS[k], value: k }))}
        />
      </Field>

      <Field label="问题分类" error={errors.categoryId} testId="field-category">
        <CategoryField value={draft.categoryId} onChange={(id) => form.update('categoryId', id, 'categoryId')} />
      </Field>

      <Field label="问题描述" required hint="请说清楚：什么事、在哪里、从什么时候开始、希望怎么解决。" error={errors.description} testId="field-description">
        <TextArea
          value={draft.description}
          onChange={(v) => form.update('description', v, 'description')}
          maxLength={TICKET_DESCRIPTION_MAX}
          autoSize
          placeholder="例如：某某小区东门的路灯坏了一个多月，晚上很黑，老人出门不方便，希望尽快修好。"
          className="mh-report__desc"
          data-testid="description-input"
        />
        <Text className={`mh-report__counter${count > 0 && count < TICKET_DESCRIPTION_MIN ? ' mh-report__counter--low' : ''}`} data-testid="description-counter">
          {count < TICKET_DESCRIPTION_MIN ? `已写 ${count} 字，至少 ${TICKET_DESCRIPTION_MIN} 字` : `已写 ${count} / ${TICKET_DESCRIPTION_MAX} 字`}
        </Text>
      </Field>

      <Field label="发生地点" hint="写清楚地址，工作人员才能找到地方。" error={errors.location} testId="field-location">
        <LocationField
          value={{ address: draft.address, lat: draft.lat, lng: draft.lng }}
          onChange={(v) => {
            form.update('address', v.address, 'location');
            form.update('lat', v.lat);
            form.update('lng', v.lng);
          }}
        />
      </Field>

      <NearbyIncidents
        items={nearby.items}
        chosen={draft.incidentId}
        onChoose={(id) => {
          form.joinIncident(id);
          // A position alone (the browser gives no address): the incident's address is where it is.
          const address = id ? nearby.items.find((i) => i.id === id)?.address : null;
          if (address && !draft.address.trim()) form.update('address', address, 'location');
        }}
      />

      <Field label="照片和视频" hint="最多 9 张照片、3 个视频，照片会自动压缩以节省流量。" error={errors.media} testId="field-media">
        <AttachmentTiles items={form.attachments} onAdd={(k) => void form.addMedia(k)} onRetry={form.retryMedia} onRemove={form.removeMedia} />
      </Field>

      <View className="mh-card">
        <View className="mh-report__switch">
          <View className="mh-report__switch-text">
            <Text className="mh-field__label">紧急求助</Text>
            <Text className="mh-muted">需要尽快上门处理的求助。危及生命财产安全请直接拨打 110 / 119 / 120。</Text>
          </View>
          <Switch checked={draft.urgent} onChange={(v) => form.update('urgent', v)} ariaLabel="紧急求助" data-testid="urgent-switch" />
        </View>
        <View className="mh-report__switch">
          <View className="mh-report__switch-text">
            <Text className="mh-field__label">匿名反映</Text>
            <Text className="mh-muted">承办部门看不到您的姓名和电话（热线仍可回访您）。</Text>
          </View>
          <Switch checked={draft.anonymous} onChange={(v) => form.update('anonymous', v)} ariaLabel="匿名反映" data-testid="anonymous-switch" />
        </View>
      </View>

      <Field label="回访电话" hint="不填则使用您验证过的手机号；匿名反映也可以留电话以便回访。" error={errors.contactPhone} testId="field-phone">
        <Input
          type="tel"
          value={draft.contactPhone}
          onChange={(v) => form.update('contactPhone', v.replace(/\D/g, '').slice(0, 11), 'contactPhone')}
          maxLength={11}
          placeholder="11 位手机号"
          className="mh-report__phone"
          data-testid="phone-input"
        />
      </Field>

      <CareSwitch />

      {form.needPhone && <PhoneVerify title="提交前请验证回访手机号" onVerified={form.phoneVerified} />}

      {form.submitError && <ErrorState compact message={form.submitError} onRetry={() => void form.submit()} retryText="重新提交" />}

      <View className="mh-sticky-bottom">
        {uploads.blocker && <Text className="mh-muted mh-report__blocker">{uploads.blocker}</Text>}
        <Button type="primary" size="large" block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()} data-testid="report-submit">
          {form.submitting ? '正在提交…' : '提交'}
        </Button>
      </View>
    </PageShell>
  );
}
