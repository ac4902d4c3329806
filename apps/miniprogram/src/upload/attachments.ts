// The attachment list as a pure state machine: each photo or video moves
// queued → compressing → uploading → done, or → failed and back to queued on retry.
import { MEDIA_LIMITS, type MediaKind } from '@minhu/shared';

export type AttachmentStatus = 'queued' | 'compressing' | 'uploading' | 'done' | 'failed';

export interface Attachment {
  /** Id on this device (not the server's upload id). */
  localId: string;
  kind: MediaKind;
  /** Local file to show and upload: a temp file on the mini-program, a blob: URL on H5. */
  path: string;
  /**
   * A copy of the picked file that outlives the app (the mini-program's user-data folder): WeChat
   * deletes temp files when the app is closed, so a draft keeps this one, re-uploads from it, and
   * removes it once the ticket is filed.
   */
  savedPath?: string;
  /** Size of the kept copy (the file before compression). */
  savedSize?: number;
  /** Poster of a video, when the picker gave one (its kept copy once kept, see savedThumb). */
  thumb?: string;
  /** The kept copy of a video's poster, removed with the video's. */
  savedThumb?: string;
  /** Set once the file was compressed, so a retry does not compress it again. */
  compressed?: boolean;
  contentType: string;
  size: number;
  name?: string;
  status: AttachmentStatus;
  /** 0–100. */
  progress: number;
  /** Set once the gateway issued a presigned POST; listed in the ticket's media when done. */
  uploadId?: string;
  /** Chinese reason of the last failure. */
  error?: string;
  /** False when the local file is gone (e.g. H5 page reloaded): only removing helps. */
  retryable: boolean;
  /** Upload attempts so far. */
  attempts: number;
}

/** A file fresh from the picker. */
export interface PickedFile {
  localId: string;
  kind: MediaKind;
  path: string;
  thumb?: string;
  contentType: string;
  size: number;
  name?: string;
}

export type AttachmentEvent =
  | { type: 'start'; localId: string }
  | { type: 'compressed'; localId: string; path: string; size: number; contentType: string }
  | { type: 'uploading'; localId: string; uploadId: string }
  | { type: 'progress'; localId: string; progress: number }
  | { type: 'succeeded'; localId: string }
  | { type: 'failed'; localId: string; error: string; retryable?: boolean }
  | { type: 'retry'; localId: string }
  /** Storage no longer has the finished upload (swept as an orphan): upload it again from the kept file. */
  | { type: 'reupload'; localId: string }
  | { type: 'remove'; localId: string };

const KIND_LABEL: Record<MediaKind, string> = { image: '照片', video: '视频' };
const UNIT: Record<MediaKind, string> = { image: '张', video: '个' };

function update(list: Attachment[], localId: string, fn: (a: Attachment) => Attachment | null): Attachment[] {
  const out: Attachment[] = [];
  for (const a of list) {
    if (a.localId !== localId) out.push(a);
    else {
      const next = fn(a);
      if (next) out.push(next);
    }
  }
  return out;
}

/** Applies one event; events that make no sense in the current state are ignored (late progress after removal, …). */
export function attachmentsReducer(list: Attachment[], event: AttachmentEvent): Attachment[] {
  switch (event.type) {
    case 'start':
      return update(list, event.localId, (a) =>
        a.status === 'queued' ? { ...a, status: 'compressing', progress: 0, error: undefined, attempts: a.attempts + 1 } : a,
      );
    case 'compressed':
      return update(list, event.localId, (a) =>
        a.status === 'compressing' ? { ...a, path: event.path, size: event.size, contentType: event.contentType, compressed: true } : a,
      );
    case 'uploading':
      return update(list, event.localId, (a) =>
        a.status === 'compressing' ? { ...a, status: 'uploading', uploadId: event.uploadId, progress: 0 } : a,
      );
    case 'progress':
      return update(list, event.localId, (a) =>
        a.status === 'uploading' ? { ...a, progress: Math.max(a.progress, Math.min(99, Math.round(event.progress))) } : a,
      );
    case 'succeeded':
      return update(list, event.localId, (a) =>
        a.status === 'uploading' && a.uploadId ? { ...a, status: 'done', progress: 100, error: undefined } : a,
      );
    case 'failed':
      return update(list, event.localId, (a) =>
        a.status === 'done'
          ? a
          : { ...a, status: 'failed', error: event.error, retryable: event.retryable ?? true, progress: 0 },
      );
    case 'retry':
      // A presigned POST expires: a retry always asks the gateway for a fresh one.
      return update(list, event.localId, (a) =>
        a.status === 'failed' && a.retryable ? { ...a, status: 'queued', uploadId: undefined, error: undefined, progress: 0 } : a,
      );
    case 'reupload':
      return update(list, event.localId, (a) =>
        a.status === 'done' ? { ...a, status: 'queued', uploadId: undefined, error: undefined, progress: 0, attempts: 0 } : a,
      );
    case 'remove':
      return update(list, event.localId, () => null);
  }
}

export function countOf(list: Attachment[], kind: MediaKind): number {
  return list.filter((a) => a.kind === kind).length;
}

export function remainingSlots(list: Attachment[], kind: MediaKind): number {
  return Math.max(0, MEDIA_LIMITS[kind].maxPerTicket - countOf(list, kind));
}

/**
 * Adds picked files within the per-ticket limits. Files over the size limit or of an unsupported type
 * are refused with a reason; images are checked after compression, so only their count is checked here.
 */
export function addPicked(list: Attachment[], picked: PickedFile[]): { list: Attachment[]; refused: string[] } {
  const refused: string[] = [];
  const out = [...list];
  for (const p of picked) {
    const limits = MEDIA_LIMITS[p.kind];
    if (countOf(out, p.kind) >= limits.maxPerTicket) {
      refused.push(`${KIND_LABEL[p.kind]}最多 ${limits.maxPerTicket} ${UNIT[p.kind]}`);
      continue;
    }
    if (p.kind === 'video') {
      if (!(limits.contentTypes as readonly string[]).includes(p.contentType)) {
        refused.push('视频仅支持 MP4 或 MOV 格式');
        continue;
      }
      if (p.size > limits.maxBytes) {
        refused.push(`视频不能超过 ${limits.maxBytes / 1024 / 1024} MB`);
        continue;
      }
    }
    out.push({ ...p, status: 'queued', progress: 0, retryable: true, attempts: 0 });
  }
  return { list: out, refused: [...new Set(refused)] };
}

export interface AttachmentSummary {
  pending: number;
  failed: number;
  done: number;
  /** Upload ids to send as the ticket's media, in the order shown. */
  uploadIds: string[];
  /** Why the form may not be sent yet, or null. */
  blocker: string | null;
}

export function summarize(list: Attachment[]): AttachmentSummary {
  const pending = list.filter((a) => a.status === 'queued' || a.status === 'compressing' || a.status === 'uploading').length;
  const failed = list.filter((a) => a.status === 'failed').length;
  const doneItems = list.filter((a) => a.status === 'done' && a.uploadId);
  let blocker: string | null = null;
  if (pending) blocker = `还有 ${pending} 个文件正在上传，请稍候`;
  else if (failed) blocker = `有 ${failed} 个文件上传失败，请点“重试”或删除后再提交`;
  return { pending, failed, done: doneItems.length, uploadIds: doneItems.map((a) => a.uploadId!), blocker };
}

/** The files kept on the device for this attachment (its file and a video's poster). */
export function keptPaths(a: Pick<Attachment, 'savedPath' | 'savedThumb'>): string[] {
  return [a.savedPath, a.savedThumb].filter((p): p is string => typeof p === 'string' && p !== '');
}

/**
 * What survives a restart. A file kept in the user-data folder (`savedPath`) outlives the app: a
 * finished upload shows it again and an unfinished one goes back to the queue by itself. Without a
 * kept copy (H5's blob URLs, a mini-program file that could not be kept) an unfinished upload comes
 * back failed, and only removing it helps.
 */
export function restoreAttachments(saved: Attachment[]): Attachment[] {
  return saved.map((a) => {
    const kept = a.savedPath ? { path: a.savedPath, size: a.savedSize ?? a.size, compressed: false } : {};
    if (a.status === 'done') return { ...a, ...kept };
    if (a.savedPath) return { ...a, ...kept, status: 'queued', progress: 0, uploadId: undefined, error: undefined, retryable: true, attempts: 0 };
    return { ...a, status: 'failed', progress: 0, uploadId: undefined, retryable: false, error: '文件已失效，请删除后重新选择' };
  });
}
