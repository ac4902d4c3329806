// Why: a complaint becomes a ticket; the report form opens pre-filled with the kind, category, the citizen's own words and any address they named.
import { TICKET_DESCRIPTION_MAX, type CategoryId, type TicketDraft } from '@minhu/shared';
import type { DraftKind } from './intent.js';

/** Address shapes citizens write: …路…号, …小区, …街道, …村, …大厦 … */
const PLACE_SUFFIX =
  '(?:路|街|大道|大街|巷|弄|胡同|里)(?:[0-9一二三四五六七八九十百零〇]+号(?:院|楼)?)?(?:[0-9一二三四五六七八九十]+(?:栋|幢|号楼|单元|楼|层|室))*';
const ESTATE_SUFFIX = '(?:小区|花园|花苑|家园|新村|新城|公寓|大厦|广场|苑|庭|府|社区|街道|村|镇|乡|公园|商场|市场|中学|小学|幼儿园|医院|地铁站|车站|路口|桥洞|桥|工地|菜市场)';
const ADDRESS = new RegExp(
  `[\\u4e00-\\u9fffA-Za-z0-9]{1,10}?(?:(?:${ESTATE_SUFFIX})+|${PLACE_SUFFIX}(?:${ESTATE_SUFFIX})*)(?:[0-9一二三四五六七八九十]+(?:栋|幢|号楼|单元|楼|层|室|号|期|区))*`,
  'g',
);
/** Leading words that are not part of a place name (我家住在, 就在, 我们 …). */
const LEADING = /^.*(?:住在|位于|就在|家在|我在|我们|我家|我|在|到|去|从|于|是|的|那个|这个|那边|这边|旁边|门口|楼下|附近|对面|咱们|咱|俺们|俺)/;
const NOT_A_PLACE = /^(马路|道路|公路|这条路|那条路|大路|小路|路上|路边|一路|出路|走路|网路|电路|线路|水路|套路|思路|门路|后路|社区|街道|小区|村|镇|乡|公园|医院|学校|市场|广场|桥|工地|路口|车站|地铁站|商场)$/;

/** The first address-like phrase, trimmed of leading filler words; undefined if none. */
export function extractAddress(raw: string): string | undefined {
  const text = raw.normalize('NFKC');
  let best: string | undefined;
  for (const m of text.matchAll(ADDRESS)) {
    let place = m[0];
    const lead = LEADING.exec(place);
    if (lead && lead[0].length < place.length) place = place.slice(lead[0].length);
    place = place.replace(/^(的|在|了|个|一个|那|这)+/, '');
    if (place.length < 3 || NOT_A_PLACE.test(place)) continue;
    // Prefer the most specific (with a number) or the longest.
    if (best === undefined || (/\d|号/.test(place) && !/\d|号/.test(best)) || place.length > best.length + 2) best = place;
  }
  return best;
}

const MAX_DESCRIPTION = 500;

/** The citizen's recent words (oldest first), de-duplicated, as the ticket description. */
export function buildDescription(texts: string[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const t of texts) {
    const clean = t.trim().replace(/\s+/g, ' ');
    if (clean.length === 0 || seen.has(clean)) continue;
    seen.add(clean);
    parts.push(clean);
  }
  let out = parts.join('；');
  if (out.length > MAX_DESCRIPTION) out = out.slice(out.length - MAX_DESCRIPTION);
  return out;
}

export function buildDraft(kind: DraftKind, categoryId: CategoryId | null, texts: string[]): TicketDraft {
  const description = buildDescription(texts);
  let address: string | undefined;
  for (let i = texts.length - 1; i >= 0 && address === undefined; i--) address = extractAddress(texts[i]!);
  return { kind, categoryId, description, ...(address ? { location: { address } } : {}) };
}

const HANDOFF_LEAD = '我在智能问答中没有找到满意的答复，请工作人员答复。我问的是：';

/**
 * The consult ticket a handoff offers (留言给人工): what the citizen asked in the conversation, quoted one question
 * a line, the newest kept when they do not all fit a ticket's description; the last address named, if any.
 */
export function buildHandoffDraft(categoryId: CategoryId | null, texts: string[]): TicketDraft {
  const asked: string[] = [];
  for (const t of texts) {
    const clean = t.trim().replace(/\s+/g, ' ');
    if (clean.length > 0 && !asked.includes(clean)) asked.push(clean);
  }
  let quoted: string[] = [];
  for (let i = asked.length - 1; i >= 0; i--) {
    const next = [`「${asked[i]}」`, ...quoted];
    if (HANDOFF_LEAD.length + next.join('\n').length + 1 > TICKET_DESCRIPTION_MAX) break;
    quoted = next;
  }
  let address: string | undefined;
  for (let i = texts.length - 1; i >= 0 && address === undefined; i--) address = extractAddress(texts[i]!);
  return { kind: 'consult', categoryId, description: `${HANDOFF_LEAD}\n${quoted.join('\n')}`, ...(address ? { location: { address } } : {}) };
}
