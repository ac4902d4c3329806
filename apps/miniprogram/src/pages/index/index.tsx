// 首页 / 智能问答: ask the FAQ bot, browse the 18 categories, rate answers, see the emergency banner,
// and turn a complaint into a prefilled report with one tap. No answer is a dead end: an emergency offers
// 不是紧急情况？继续反映 under the numbers, an FAQ answer names its source (来源 · 更新于, 查看原文), and after two
// unhelpful turns in a row the bot offers a person (拨打12345 / 留言给人工).
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ChatMessageRequestSchema, HOTLINE_PHONE, type ChatHandoff, type ChatMessageResponse, type TicketDraft } from '@minhu/shared';
import { useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage } from '../../api/errors';
import { CareSwitch } from '../../components/CareSwitch';
import { CategoryGrid } from '../../components/CategoryGrid';
import { callNumber, EmergencyBanner } from '../../components/EmergencyBanner';
import { EmergencyStrip } from '../../components/EmergencyStrip';
import { PageShell } from '../../components/PageShell';
import { formatProvenance } from '../../lib/format';
import { randomId } from '../../lib/ids';
import { onLocalDataCleared } from '../../lib/local-data';
import { go, ROUTES, TAB } from '../../lib/routes';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { readJson, taroStore, writeJson } from '../../lib/storage';
import { putHandoff } from '../../report/draft';
import { chatReducer, handoffOf, sourceFaqId, toSaved, type BotItem, type ChatState, type UserItem } from './chat-state';
import './index.scss';

const SAMPLE_QUESTIONS = ['社保卡丢了怎么补办？', '公积金怎么提取？', '晚上工地施工太吵了', '公司拖欠工资怎么办？'];

function loadChat(): ChatState {
  const saved = readJson<ChatState>(taroStore, STORAGE_KEYS.chat);
  return saved && Array.isArray(saved.items) ? saved : { items: [] };
}

function scrollToBottom() {
  setTimeout(() => Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 200 }).catch(() => undefined), 50);
}

function openReport(draft: TicketDraft) {
  putHandoff(taroStore, draft);
  go(TAB.report);
}

function UserBubble(props: { item: UserItem; onResend: () => void }) {
  const { item } = props;
  return (
    <View className="mh-msg mh-msg--user" data-testid="user-message">
      <Text className="mh-msg__text" userSelect>
        {item.text}
      </Text>
      {item.status === 'sending' && <Text className="mh-msg__meta">发送中…</Text>}
      {item.status === 'failed' && (
        <View className="mh-msg__failed">
          <Text className="mh-msg__error">{item.error ?? '发送失败'}</Text>
          <Button size="small" type="primary" onClick={props.onResend} data-testid="resend-button">
            重新发送
          </Button>
        </View>
      )}
    </View>
  );
}

/** After two unhelpful turns in a row: the hotline, or a consult ticket quoting what the citizen asked. */
function HandoffOffer(props: { handoff: ChatHandoff }) {
  const { handoff } = props;
  return (
    <View className="mh-msg__handoff" data-testid="handoff">
      <Text className="mh-msg__meta">抱歉，连续几次都没能帮到您，您可以找人工：</Text>
      <View className="mh-row">
        <Button type="primary" size="small" onClick={() => callNumber(handoff.phone)} data-testid="handoff-call">
          拨打{handoff.phone}
        </Button>
        <Button size="small" className="mh-ml" onClick={() => openReport(handoff.draft)} data-testid="handoff-message">
          留言给人工
        </Button>
      </View>
    </View>
  );
}

function Feedback(props: { item: BotItem; onFeedback: (helpful: boolean) => void }) {
  const { item } = props;
  if (item.feedback === 'helpful') return <Text className="mh-msg__meta">感谢您的反馈！</Text>;
  // The second unhelpful turn in a row: the bubble offers a person instead (HandoffOffer).
  if (item.feedback === 'unhelpful' && handoffOf(item)) return null;
  if (item.feedback === 'unhelpful') {
    const r = item.reply;
    return (
      <View className="mh-msg__unhelpful" data-testid="unhelpful-options">
        <Text className="mh-msg__meta">抱歉没能帮到您，您可以：</Text>
        <View className="mh-row">
          <Button
            type="primary"
            size="small"
            onClick={() => openReport({ kind: 'consult', categoryId: r.categoryId, description: item.question })}
            data-testid="unhelpful-report"
          >
            我要反映
          </Button>
          <Button size="small" className="mh-ml" onClick={() => callNumber(HOTLINE_PHONE)}>
            拨打 {HOTLINE_PHONE}
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="mh-msg__feedback">
      <Text className="mh-msg__meta">这个回答有用吗？</Text>
      <View className="mh-row">
        <Button size="small" disabled={item.feedback === 'sending'} onClick={() => props.onFeedback(true)} data-testid="feedback-helpful">
          有用
        </Button>
        <Button size="small" className="mh-ml" disabled={item.feedback === 'sending'} onClick={() => props.onFeedback(false)} data-testid="feedback-unhelpful">
          没用
        </Button>
      </View>
      {item.feedbackError && <Text className="mh-msg__error">{item.feedbackError}</Text>}
    </View>
  );
}

function BotBubble(props: { item: BotItem; onAsk: (q: string) => void; onFeedback: (helpful: boolean) => void }) {
  const r: ChatMessageResponse = props.item.reply;
  const faqId = sourceFaqId(props.item);
  const handoff = handoffOf(props.item);
  return (
    <View className={`mh-msg mh-msg--bot mh-msg--${r.intent}`} data-testid="bot-message" data-intent={r.intent}>
      {r.intent === 'emergency' && <EmergencyBanner numbers={r.reply.emergencyNumbers} />}
      <Text className="mh-msg__text" userSelect>
        {r.reply.text}
      </Text>
      {r.intent === 'emergency' && r.draft && (
        // A false alarm must not strand the citizen: one tap to the report, prefilled like a complaint's.
        <Button size="large" block fill="outline" className="mh-msg__cta" onClick={() => openReport(r.draft!)} data-testid="emergency-continue">
          不是紧急情况？继续反映
        </Button>
      )}
      {faqId && r.source && (
        <Text className="mh-msg__provenance" data-testid="faq-provenance">
          {formatProvenance(r.source.department, r.source.updatedAt)}
        </Text>
      )}
      {faqId && (
        <Text className="mh-msg__source" onClick={() => go(ROUTES.faqEntry(faqId))} data-testid="faq-source">
          查看原文 ›
        </Text>
      )}
      {r.intent === 'complaint' && r.draft && (
        <Button type="primary" size="large" block className="mh-msg__cta" onClick={() => openReport(r.draft!)} data-testid="report-from-chat">
          一键反映这个问题（已帮您填好）
        </Button>
      )}
      {r.reply.suggestions.length > 0 && (
        <View className="mh-chips">
          <Text className="mh-msg__meta">{r.intent === 'clarify' ? '您想问的是：' : '相关问题：'}</Text>
          {r.reply.suggestions.map((s) => (
            <View key={s.faqId} className="mh-chip" onClick={() => props.onAsk(s.question)} data-testid="suggestion-chip">
              <Text>{s.question}</Text>
            </View>
          ))}
        </View>
      )}
      {(r.intent === 'consult' || r.intent === 'out_of_scope') && <Feedback item={props.item} onFeedback={props.onFeedback} />}
      {handoff && <HandoffOffer handoff={handoff} />}
    </View>
  );
}

export default function HomePage() {
  const [state, dispatch] = useReducer(chatReducer, undefined, loadChat);
  const [text, setText] = useState('');
  const stateRef = useRef(state);
  stateRef.current = state;
  useShareAppMessage(() => ({ title: '民呼 12345 · 有事找政府，一问就知道', path: TAB.home }));

  useEffect(() => {
    // An empty chat (a new phone, or just signed out) leaves nothing on the device.
    if (state.items.length) writeJson(taroStore, STORAGE_KEYS.chat, toSaved(state));
    else taroStore.remove(STORAGE_KEYS.chat);
  }, [state]);
  // Signing out wipes the chat history, the one on screen too.
  useEffect(() => onLocalDataCleared(() => dispatch({ type: 'clear' })), []);

  const ask = async (question: string, resendId?: string) => {
    const q = question.trim();
    if (!q) return;
    const conversationId = stateRef.current.conversationId;
    let request = ChatMessageRequestSchema.safeParse(conversationId ? { text: q, conversationId } : { text: q });
    // A conversation id we cannot send (corrupt storage) just starts a new conversation.
    if (!request.success && conversationId) request = ChatMessageRequestSchema.safeParse({ text: q });
    if (!request.success) {
      Taro.showToast({ title: request.error.issues[0]?.message ?? '内容有误', icon: 'none' });
      return;
    }
    const id = resendId ?? `u-${randomId(10)}`;
    dispatch(resendId ? { type: 'resend', id } : { type: 'ask', id, text: q });
    if (!resendId) setText('');
    scrollToBottom();
    try {
      const reply = await api.chat.send(request.data);
      dispatch({ type: 'answered', id, reply });
    } catch (e) {
      dispatch({ type: 'failed', id, error: toUserMessage(e) });
    }
    scrollToBottom();
  };

  const feedback = async (item: BotItem, helpful: boolean) => {
    dispatch({ type: 'feedback', id: item.id, state: 'sending' });
    try {
      const answer = await api.chat.feedback({ conversationId: item.reply.conversationId, messageId: item.reply.messageId, helpful });
      dispatch({ type: 'feedback', id: item.id, state: helpful ? 'helpful' : 'unhelpful', handoff: answer?.handoff });
    } catch (e) {
      dispatch({ type: 'feedback', id: item.id, state: 'none', error: `${toUserMessage(e)}，请再点一次` });
    }
  };

  return (
    <PageShell className="mh-home" testId="page-home">
      <View className="mh-home__hello">
        <Text className="mh-home__title">您好，我是民呼智能助手</Text>
        <Text className="mh-home__sub">办事流程、政策问题都可以问我；需要政府部门处理的问题，我帮您转成工单。</Text>
        <EmergencyStrip />
      </View>

      <CareSwitch />

      {state.items.length === 0 && (
        <View className="mh-card">
          <Text className="mh-title">大家常问</Text>
          <View className="mh-chips">
            {SAMPLE_QUESTIONS.map((q) => (
              <View key={q} className="mh-chip" onClick={() => void ask(q)} data-testid="sample-question">
                <Text>{q}</Text>
              </View>
            ))}
          </View>
        </View>
      )}

      <View className="mh-card">
        <Text className="mh-title">按分类查看常见问题</Text>
        <View className="mh-gap" />
        <CategoryGrid onSelect={(id) => go(ROUTES.faq({ categoryId: id }))} />
      </View>

      <View className="mh-chat" data-testid="chat-log">
        {state.items.map((item) =>
          item.role === 'user' ? (
            <UserBubble key={item.id} item={item} onResend={() => void ask(item.text, item.id)} />
          ) : (
            <BotBubble key={item.id} item={item} onAsk={(q) => void ask(q)} onFeedback={(h) => void feedback(item, h)} />
          ),
        )}
        {state.items.some((i) => i.role === 'user' && i.status === 'sending') && <Text className="mh-msg__meta mh-chat__typing">正在为您查找答案…</Text>}
      </View>

      <View className="mh-sticky-bottom mh-ask">
        <Input
          className="mh-ask__input"
          value={text}
          onChange={setText}
          placeholder="请输入您的问题，如：怎么办理居住证"
          maxLength={500}
          confirmType="send"
          onConfirm={() => void ask(text)}
          data-testid="chat-input"
        />
        <Button type="primary" className="mh-ask__send" disabled={!text.trim()} onClick={() => void ask(text)} data-testid="chat-send">
          发送
        </Button>
      </View>
    </PageShell>
  );
}
