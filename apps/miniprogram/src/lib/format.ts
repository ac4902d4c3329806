// Dates and sizes written the way people here read them (no Intl: some mini-program engines lack it).

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2025-03-15" (local time): how an FAQ entry's last change is shown. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An FAQ answer's provenance: "来源：市医疗保障局 · 更新于 2025-03-15". */
export function formatProvenance(department: string, updatedAt: string): string {
  const day = formatDate(updatedAt);
  return day ? `来源：${department} · 更新于 ${day}` : `来源：${department}`;
}

/** "09:30". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatShortDateTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.getFullYear() !== now.getFullYear()) return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
  return `${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

/** "11月24日 18:00 前办结" or "已超期（应于 11月24日 18:00 前办结）". */
export function formatDue(dueAt: string | null, overdue: boolean, now: Date = new Date()): string | null {
  if (!dueAt) return null;
  const when = formatShortDateTime(dueAt, now);
  return overdue ? `已超期（应于 ${when} 前办结）` : `${when} 前办结`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
