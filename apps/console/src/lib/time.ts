// Dates and times as the hotline reads them: China Standard Time (Asia/Shanghai), whatever the
// browser's own zone.
const ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 2026/11/02 10:00 */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** The China calendar day (YYYY-MM-DD) of an instant. */
export function chinaDay(at: Date | string = new Date()): string {
  return dateOnly.format(new Date(at));
}

/** The China calendar day `n` days before today. */
export function chinaDayAgo(n: number): string {
  return chinaDay(new Date(Date.now() - n * 86_400_000));
}

/** "3 小时 20 分" for a span in minutes. */
export function formatMinutes(total: number): string {
  const m = Math.abs(Math.round(total));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0) return `${d} 天 ${h} 小时`;
  if (h > 0) return `${h} 小时 ${min} 分`;
  return `${min} 分钟`;
}

/** Overdue or remaining time of a deadline, as a phrase. */
export function dueText(deadline: string | null, now = Date.now()): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const minutes = (now - new Date(deadline).getTime()) / 60_000;
  return minutes > 0 ? { text: `超时 ${formatMinutes(minutes)}`, overdue: true } : { text: `剩余 ${formatMinutes(minutes)}`, overdue: false };
}

const dateTimeSeconds = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** 2026/11/02 10:00:05 — for the audit log, where the order within a minute matters. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? dateTimeSeconds.format(new Date(iso)) : '—';
}
