// State of the report form: the draft (saved locally as it changes), its attachments and their
// uploads, the chatbot handoff, and submission through the idempotent submitter.
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { MediaKind } from '@minhu/shared';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage, isApiError } from '../../api/errors';
import { taroStore } from '../../lib/storage';
import { emptyDraft, fromChatDraft, isBlankDraft, restoreDraft, saveDraft, takeHandoff, type ReportDraft } from '../../report/draft';
import { createSubmitter } from '../../report/submitter';
import type { ReportField } from '../../report/validate';
import { validateDraft } from '../../report/validate';
import { createAttachmentStore } from '../../upload/attachment-store';
import { addPicked, remainingSlots } from '../../upload/attachments';
import { mediaPlatform } from '../../upload/media';
import { UploadFailure } from '../../upload/platform';
import { createUploadRunner } from '../../upload/runner';
import type { TicketDetail } from '@minhu/shared';

export function useReportForm(opts: { ensureSignedIn: () => Promise<boolean>; onFiled: (ticket: TicketDetail) => void }) {
  const [initial] = useState<ReportDraft>(() => restoreDraft(taroStore, { filesSurvive: mediaPlatform.filesSurviveRestart }) ?? emptyDraft());
  const [draft, setDraft] = useState<Omit<ReportDraft, 'attachments'> & { attachments?: never }>(() => ({ ...initial, attachments: undefined }));
  const store = useMemo(() => createAttachmentStore(initial.attachments), [initial]);
  const attachments = useSyncExternalStore(store.subscribe, store.get, store.get);
  const runner = useMemo(() => createUploadRunner({ store, platform: mediaPlatform, createUpload: api.uploads.create }), [store]);
  const submitter = useMemo(() => createSubmitter({ createTicket: api.tickets.create, store: taroStore }), []);
  const [errors, setErrors] = useState<Partial<Record<ReportField, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const busy = useRef(false);

  const full = (): ReportDraft => ({ ...(draft as Omit<ReportDraft, 'attachments'>), attachments: store.get() });
  const latest = useRef(full);
  latest.current = full;
  /** Keys of drafts already filed: a late save must never bring a filed draft back. */
  const filed = useRef(new Set<string>());
  const persist = () => {
    const d = latest.current();
    if (!filed.current.has(d.idempotencyKey)) saveDraft(taroStore, { ...d, updatedAt: Date.now() });
  };

  // Save shortly after every change, and at once when the page hides or the browser tab goes away.
  useEffect(() => {
    const t = setTimeout(persist, 300);
    return () => clearTimeout(t);
  }, [draft, attachments]);
  useDidHide(persist);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
    const onHide = () => persist();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  const replaceDraft = (next: ReportDraft) => {
    for (const a of store.get()) if (!next.attachments.some((b) => b.localId === a.localId)) runner.remove(a.localId);
    store.replace(next.attachments);
    setDraft({ ...next, attachments: undefined });
    setErrors({});
    setSubmitError(null);
  };

  // The chatbot's "一键反映" arrives through storage.
  useDidShow(() => {
    const chat = takeHandoff(taroStore);
    if (!chat) return;
    const current = latest.current();
    if (isBlankDraft(current)) {
      replaceDraft(fromChatDraft(current, chat));
      return;
    }
    Taro.showModal({
      title: '使用智能问答填好的内容？',
      content: '您还有一份没提交的草稿。选择“替换”会用智能问答整理的内容重新开始。',
      confirmText: '替换',
      cancelText: '保留草稿',
    }).then((r) => {
      if (r.confirm) replaceDraft(fromChatDraft(latest.current(), chat));
    });
  });

  const update = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K], field?: ReportField) => {
    setDraft((d) => ({ ...d, [key]: value, updatedAt: Date.now() }));
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const addMedia = async (kind: MediaKind) => {
    try {
      const picked = await mediaPlatform.pick(kind, remainingSlots(store.get(), kind));
      if (!picked.length) return;
      const { list, refused } = addPicked(store.get(), picked);
      store.replace(list);
      if (errors.media) setErrors((e) => ({ ...e, media: undefined }));
      if (refused.length) Taro.showToast({ title: refused.join('；'), icon: 'none', duration: 3000 });
      runner.pump();
    } catch (e) {
      Taro.showToast({ title: e instanceof UploadFailure ? e.message : '无法选择文件，请重试', icon: 'none' });
    }
  };

  const submit = async () => {
    if (busy.current) return; // a second tap while the first is running does nothing
    const current = full();
    const check = validateDraft(current);
    if (!check.ok) {
      setErrors(check.errors);
      Taro.showToast({ title: check.first, icon: 'none', duration: 2500 });
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await opts.ensureSignedIn())) return;
      const out = await submitter.submit(current);
      if (out.ok) {
        filed.current.add(current.idempotencyKey);
        replaceDraft(out.next);
        saveDraft(taroStore, out.next);
        opts.onFiled(out.ticket);
      } else if (out.reason === 'invalid') {
        setErrors(out.validation.errors);
      } else {
        setSubmitError(toUserMessage(out.error));
        if (isApiError(out.error) && out.error.kind === 'unauthorized') void opts.ensureSignedIn();
      }
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const reset = () => {
    Taro.showModal({ title: '清空重填？', content: '已填写的内容和附件会被清除。', confirmText: '清空', cancelText: '取消' }).then((r) => {
      if (r.confirm) replaceDraft(emptyDraft());
    });
  };

  return {
    draft: full(),
    attachments,
    errors,
    submitting,
    submitError,
    update,
    addMedia,
    retryMedia: runner.retry,
    removeMedia: runner.remove,
    submit,
    reset,
  };
}
