// A year of a district hotline's tickets for the console benchmark: filed evenly over 365 days, most of
// the older ones worked to the end (closed, rated, some rejected or withdrawn, a few stuck or reopened),
// the last days' still in progress (no step is dated later than ten minutes before the run). Deterministic (seeded), inserted straight into the tickets
// collection in batches — the shape fileTicket and applyTicketEvent write.
import { CATEGORY_IDS, type TicketStatus } from '@minhu/shared';
import { computeDeadlines, createWorkCalendar } from '@minhu/shared/deadlines';
import { Types, type Connection } from 'mongoose';
import { seededRandom } from '../apps/gateway/src/chat/prng.js';
import { geohash } from '../apps/gateway/src/dispatch/geo.js';

const DAY = 86_400_000;
export const BENCH_CENTRE = { lat: 23.2, lng: 113.3 };
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
export const BENCH_DEPARTMENTS = ['区城管局', '区住建局', '区市场监管局', '区人社局', '区医保局', '区交警大队', '区水务局', '供电局', '供热企业', '区教育局', '区民政局', '区生态环境分局'];
const STREETS = ['幸福街道', '长安街道', '和平街道', '解放街道', '新华街道', '人民街道', '朝阳街道', '光明街道', '东风镇', '白云镇', '太和镇', '钟落潭镇'];
const ROADS = ['幸福路', '长安街', '和平路', '解放大道', '新华路', '人民北路', '朝阳路', '光明路'];
const DESCRIPTIONS = [
  '工地夜间施工噪音很大，凌晨还在打桩，严重影响休息。',
  '小区停水两天了，物业说不清楚原因，家里有老人。',
  '路口红绿灯坏了好几天，早晚高峰非常拥堵。',
  '公司拖欠三个月工资，老板一直推脱不给。',
  '预付卡店铺突然关门，卡里还有两千元无法退款。',
  '暖气不热，室温只有十五度，孩子感冒了。',
  '小区消防通道长期被私家车占用，存在安全隐患。',
  '楼下烧烤店油烟和噪音扰民，每天到凌晨两点。',
  '异地就医备案后结算不了，医院说系统里查不到。',
  '孩子入学材料提交后一直没有审核结果。',
];

/** Inserts `n` tickets filed over the year before `now`; returns how long it took. */
export async function seedTickets(db: Connection, n: number, now = new Date()): Promise<number> {
  const started = Date.now();
  const collection = db.collection('tickets');
  let batch: Record<string, unknown>[] = [];
  for (const doc of benchTickets(n, now)) {
    batch.push(doc);
    if (batch.length === 1000) {
      await collection.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length) await collection.insertMany(batch, { ordered: false });
  return Date.now() - started;
}

/** The tickets themselves, as stored. */
export function* benchTickets(n: number, now = new Date()): Generator<Record<string, unknown>> {
  const random = seededRandom(12345);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const calendar = createWorkCalendar();
  const span = 365 * DAY;
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(now.getTime() - span + Math.floor((span * i) / n) + Math.floor(random() * 60_000));
    const kind = random() < 0.15 ? 'consult' : pick(['complaint', 'help', 'report', 'suggestion', 'complaint', 'help'] as const);
    const urgent = kind === 'help' && random() < 0.05;
    const due = computeDeadlines(kind, urgent, createdAt, calendar);
    // A step happens only once its time has come: young tickets stop where they have got to.
    const cutoff = now.getTime() - 10 * 60_000;
    const at = (days: number) => new Date(createdAt.getTime() + days * DAY);
    const timeline: Array<Record<string, unknown>> = [{ status: 'submitted', at: createdAt, actor: { type: 'citizen' } }];
    let status = 'submitted' as TicketStatus;
    const step = (next: TicketStatus, days: number, extra: Record<string, unknown> = {}): boolean => {
      if (at(days).getTime() > cutoff) return false;
      timeline.push({ status: next, at: at(days), actor: { type: next === 'withdrawn' ? 'citizen' : 'operator', ...(next === 'withdrawn' ? {} : { name: '基准话务员' }) }, eventId: `bench_${i}_${timeline.length}`, ...extra });
      status = next;
      return true;
    };
    const department = pick(BENCH_DEPARTMENTS);
    const ratings: Array<Record<string, unknown>> = [];
    let owner: string | null = null;
    const r = random();
    const late = random() < 0.08;
    // Where the ticket is headed: most to the end; some rejected, withdrawn or stuck with a department.
    const fate = r < 0.05 ? 'rejected' : r < 0.08 ? 'withdrawn' : r < 0.1 ? 'stuck' : 'closed';
    if (fate === 'withdrawn') step('withdrawn', 0.1);
    else if (step('accepted', 0.2)) {
      if (fate === 'rejected') step('rejected', 0.3, { reason: '不属于本热线受理范围' });
      else if (step('dispatched', 0.4, { department })) {
        owner = department;
        if (fate === 'closed' && step('replied', late ? 6 : 2.5, { reply: '已安排处理，问题已解决。' }) && step('callback', late ? 6.5 : 3, { reached: random() < 0.9 })) {
          if (random() < 0.7 && at(3.2).getTime() <= cutoff) {
            const s = random();
            ratings.push({ satisfaction: s < 0.8 ? 'satisfied' : s < 0.92 ? 'basically_satisfied' : 'dissatisfied', resolved: s < 0.92, round: 1, at: at(3.2) });
          }
          step('closed', late ? 7 : 3.5);
        }
      }
    }
    // A district of about 20 × 20 km (GCJ-02 around Baiyun), coordinates on most located tickets.
    const point = random() < 0.9 ? { lat: round7(BENCH_CENTRE.lat + (random() - 0.5) * 0.18), lng: round7(BENCH_CENTRE.lng + (random() - 0.5) * 0.2), coordSystem: 'gcj02' } : null;
    const location = random() < 0.85 ? { address: `${pick(ROADS)}${1 + Math.floor(random() * 300)}号`, ...(random() < 0.8 ? { street: pick(STREETS) } : {}), ...(point ?? {}) } : null;
    const ymd = createdAt.toISOString().slice(0, 10).replace(/-/g, '');
    const last = timeline.at(-1)!.at as Date;
    yield {
      _id: new Types.ObjectId(),
      number: `MH${ymd}${String(i).padStart(6, '0')}`,
      citizenId: new Types.ObjectId(),
      channel: pick(['miniprogram', 'miniprogram', 'h5', 'official-account'] as const),
      kind,
      categoryId: random() < 0.05 ? null : pick(CATEGORY_IDS),
      status,
      description: `${pick(DESCRIPTIONS)}（第 ${i} 件）`,
      location,
      contactPhone: `139${String(10_000_000 + i).slice(-8)}`,
      anonymous: false,
      urgent,
      media: [],
      timeline,
      ratings,
      round: 1,
      dueAt: due.dueAt,
      statusAt: last,
      hotlineRef: null,
      ownerDepartment: owner,
      needsReview: ratings.some((x) => x.satisfaction === 'dissatisfied') && status !== 'closed',
      pendingEvents: [],
      geoCell: location && 'lat' in location ? geohash(location.lat as number, location.lng as number, 7) : null,
      incidentId: null,
      incidentCandidates: [],
      idempotencyKey: `bench-${i}`,
      requestHash: 'bench',
      createdAt,
      updatedAt: ratings.length && (ratings[0]!.at as Date) > last ? (ratings[0]!.at as Date) : last,
    };
  }
}
