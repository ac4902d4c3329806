// State of the report form: the draft (saved locally as it changes), its attachments and their
// uploads (files kept where they outlive the app, uploaded again when storage lost them), the chatbot
// handoff, the callback number, and submission through the idempotent submitter.
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { MediaKind } from '@minhu/shared';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage, isApiError } from '../../api/errors';
import { hasVerifiedPhone } from '../../lib/auth';
import { onLocalDataCleared } from '../../lib/local-data';
import { taroStore } from '../../lib/storage';
import { emptyDraft, forgetDraft, fromChatDraft, isBlankDraft, restoreDraft, saveDraft, takeHandoff, type ReportDraft } from '../../report/draft';
import { uploadRecovery } from '../../report/recover-uploads';
import { createSubmitter } from '../../report/submitter';
import type { ReportField } from '../../report/validate';
import { validateDraft } from '../../report/validate';
import { createAttachmentStore } from '../../upload/attachment-store';
import { addPicked, keptPaths, remainingSlots, summarize, type Attachment, type PickedFile } from '../../upload/attachments';
import { mediaPlatform } from '../../upload/media';
import { UploadFailure } from '../../upload/platform';
import { createUploadRunner } from '../../upload/runner';
import type { TicketDetail } from '@minhu/shared';

/** The draft's fields a nearby incident was found for. */
const WHERE_AND_WHAT: Array<keyof ReportDraft> = ['categoryId', 'lat', 'lng'];

/** The server refused the incident to join: gone (404), or closed meanwhile, another category, too far (409 incident_*). */
const incidentRefused = (e: unknown) => isApiError(e) && (e.status === 404 || (e.status === 409 && /^incident/.test(e.code ?? '')));

export function useReportForm(opts: { ensureSignedIn: () => Promise<boolean>; onFiled: (ticket: TicketDetail) => void }) {
  const [initial] = useState<ReportDraft>(() => restoreDraft(taroStore) ?? emptyDraft());
  const [draft, setDraft] = useState<Omit<ReportDraft, 'attachments'> & { attachments?: never }>(() => ({ ...initial, attachments: undefined }));
  const store = useMemo(() => createAttachmentStore(initial.attachments), [initial]);
  const attachments = useSyncExternalStore(store.subscribe, store.get, store.get);
  const runner = useMemo(() => createUploadRunner({ store, platform: mediaPlatform, createUpload: api.uploads.create }), [store]);
  const submitter = useMemo(() => createSubmitter({ createTicket: api.tickets.create, store: taroStore }), []);
  const [errors, setErrors] = useState<Partial<Record<ReportField, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  /** The citizen must verify a callback number before this draft can be filed. */
  const [needPhone, setNeedPhone] = useState(false);
  const busy = useRef(false);

  const full = (): ReportDraft => ({ ...(draft as Omit<ReportDraft, 'attachments'>), attachments: store.get() });
  const latest = useRef(full);
  latest.current = full;
  /** Keys of drafts already filed: a late save must never bring a filed draft back. */
  const filed = useRef(new Set<string>());
  const persist = () => {
    const d = latest.current();
    if (filed.current.has(d.idempotencyKey)) return;
    // Nothing typed or attached (a new form, or just signed out): nothing of the citizen's stays on the device.
    if (isBlankDraft(d)) forgetDraft(taroStore);
    else saveDraft(taroStore, { ...d, updatedAt: Date.now() });
  };

  // Save shortly after a change, and at once when the page hides or the browser tab goes away. Not a
  // debounce: an upload's progress changes the tiles many times a second, and a timer restarted on each
  // change never fired while a long upload ran — closing the app then lost what was typed meanwhile.
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (saveTimer.current) return; // the save already scheduled reads the latest state
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null;
      persist();
    }, 300);
  }, [draft, attachments]);
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );
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

  /** Kept copies of these attachments are no longer needed. */
  const releaseFiles = (list: Attachment[]) => void mediaPlatform.release(list.flatMap(keptPaths));

  const replaceDraft = (next: ReportDraft, opts: { keepFiles?: boolean } = {}) => {
    const dropped = store.get().filter((a) => !next.attachments.some((b) => b.localId === a.localId));
    for (const a of dropped) runner.remove(a.localId);
    if (!opts.keepFiles) releaseFiles(dropped);
    store.replace(next.attachments);
    setDraft({ ...next, attachments: undefined });
    setErrors({});
    setSubmitError(null);
    setNeedPhone(false);
  };

  // Uploads interrupted by the last close go on by themselves (their files were kept).
  useEffect(() => runner.pump(), [runner]);
  // Signed out elsewhere: forget this draft too (its files are already gone).
  useEffect(() => onLocalDataCleared(() => replaceDraft(emptyDraft(), { keepFiles: true })), []);

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
    setDraft((d) => {
      const next = { ...d, [key]: value, updatedAt: Date.now() };
      // 附议 was chosen among the incidents near this point, of this category: another place or
      // category drops it (the citizen chooses again from the new list).
      if (WHERE_AND_WHAT.includes(key) && d[key as keyof typeof d] !== value) delete next.incidentId;
      return next;
    });
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  /** 附议: join this nearby incident, or (null) file alone again. */
  const joinIncident = (incidentId: string | null) => {
    setDraft((d) => {
      const next = { ...d, updatedAt: Date.now() };
      if (incidentId) next.incidentId = incidentId;
      else delete next.incidentId;
      return next;
    });
    setSubmitError(null);
  };

  /** Copies each accepted file (and a video's poster) where it outlives the app, so the draft keeps them across launches. */
  const keepFiles = async (picked: PickedFile[]): Promise<PickedFile[]> =>
    Promise.all(
      picked.map(async (p) => {
        const savedPath = await mediaPlatform.keep(p);
        if (!savedPath) return p;
        const savedThumb = p.thumb ? await mediaPlatform.keep({ ...p, localId: `${p.localId}-poster`, path: p.thumb }) : null;
        return { ...p, path: savedPath, savedPath, savedSize: p.size, ...(savedThumb ? { thumb: savedThumb, savedThumb } : {}) };
      }),
    );

  const addMedia = async (kind: MediaKind) => {
    // Uploads need a session: sign in first (silently with WeChat on the mini-program), so a citizen's
    // very first photo does not come back refused.
    if (!(await opts.ensureSignedIn())) return;
    try {
      const picked = await mediaPlatform.pick(kind, remainingSlots(store.get(), kind));
      if (!picked.length) return;
      // Keep only what fits (the rest is refused below), before anything reads the temp files.
      const fits = new Set(addPicked(store.get(), picked).list.map((a) => a.localId));
      const kept = await keepFiles(picked.filter((p) => fits.has(p.localId)));
      const { list, refused } = addPicked(store.get(), [...kept, ...picked.filter((p) => !fits.has(p.localId))]);
      store.replace(list);
      if (errors.media) setErrors((e) => ({ ...e, media: undefined }));
      if (refused.length) Taro.showToast({ title: refused.join('；'), icon: 'none', duration: 3000 });
      runner.pump();
    } catch (e) {
      Taro.showToast({ title: e instanceof UploadFailure ? e.message : '无法选择文件，请重试', icon: 'none' });
    }
  };

  /**
   * Storage no longer has some uploads (drafts outlive the one-day orphan sweep): upload them again
   * from the kept files, then answer whether everything is uploaded so filing can be tried again.
   */
  const reupload = async (error: unknown): Promise<boolean> => {
    const recovery = uploadRecovery(error);
    if (!recovery) return false;
    const byUpload = new Map(store.get().map((a) => [a.uploadId, a.localId]));
    for (const { uploadId, message } of recovery.refused) {
      const localId = byUpload.get(uploadId);
      if (localId) store.dispatch({ type: 'failed', localId, error: message, retryable: false });
    }
    for (const uploadId of recovery.redo) {
      const localId = byUpload.get(uploadId);
      if (localId) store.dispatch({ type: 'reupload', localId });
    }
    runner.pump();
    await runner.idle();
    return recovery.refused.length === 0 && summarize(store.get()).blocker === null;
  };

  const submit = async () => {
    if (busy.current) return; // a second tap while the first is running does nothing
    const check = validateDraft(full());
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
      const current = full();
      // The hotline must be able to call a named citizen back: a typed number or a verified phone.
      if (!current.anonymous && !current.contactPhone.trim() && !hasVerifiedPhone()) {
        setNeedPhone(true);
        return;
      }
      let out = await submitter.submit(current);
      if (!out.ok && out.reason === 'failed' && (await reupload(out.error))) out = await submitter.submit(full());
      if (out.ok) {
        filed.current.add(out.filed.idempotencyKey);
        releaseFiles(out.filed.attachments);
        replaceDraft(out.next, { keepFiles: true });
        forgetDraft(taroStore); // the filed draft must not come back
        opts.onFiled(out.ticket);
      } else if (out.reason === 'invalid') {
        setErrors(out.validation.errors);
      } else if (current.incidentId && incidentRefused(out.error)) {
        // Nothing was filed: the choice goes, the citizen sees why and can file alone with one more tap.
        joinIncident(null);
        setSubmitError(`${toUserMessage(out.error)}。已取消附议，可以直接提交。`);
      } else if (isApiError(out.error) && out.error.code === 'callback_phone_required') {
        setNeedPhone(true);
      } else {
        setSubmitError(summarize(store.get()).blocker ?? toUserMessage(out.error));
        if (isApiError(out.error) && out.error.kind === 'unauthorized') void opts.ensureSignedIn();
      }
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  /** The callback number was verified: file the draft now. */
  const phoneVerified = () => {
    setNeedPhone(false);
    void submit();
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
    needPhone,
    phoneVerified,
    update,
    joinIncident,
    addMedia,
    retryMedia: runner.retry,
    removeMedia: (localId: string) => {
      releaseFiles(store.get().filter((a) => a.localId === localId));
      runner.remove(localId);
    },
    submit,
    reset,
  };
}
