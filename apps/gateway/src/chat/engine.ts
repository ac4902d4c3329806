// Why: the FAQ chat engine — one pure, in-process function from (text, context) to an answer; the gateway wraps it with HTTP and storage.
import { createHash } from 'node:crypto';
import { CATEGORIES, type CategoryId, type ChatMessageResponse, type TicketDraft } from '@minhu/shared';
import { createKeywordMatcher, type KeywordEvidence } from './category-keywords.js';
import { loadCategoryTraining, trainCategoryModel, type CategoryModel } from './category-model.js';
import { rankCategories, type CategoryScore } from './category-score.js';
import { pushTurn, readContext, type ChatContext, type PendingClarify } from './context.js';
import { buildDraft } from './draft.js';
import { cryAmongOtherWords, detectEmergency, framedAsNotLive, type EmergencyMatch } from './emergency.js';
import { loadEmergencyTraining, trainEmergencyModel, type EmergencyModel } from './emergency-model.js';
import { loadIntentTraining, trainIntentModel, type IntentModel } from './intent-model.js';
import { looksLikeFollowUp, resolveClarifyChoice } from './followup.js';
import { buildIndex, type FaqIndex, type Hit } from './index-build.js';
import type { DraftKind } from './intent.js';
import type { KbEntry } from './kb.js';
import { AMBIGUOUS_TERMS } from './lexicon/ambiguous.js';
import { all, any, CONTENT_REQUEST, EN_FAR_NEWS, FAR_NEWS, NOT_REAL, NOT_REAL_NOR_NEWS, SCREEN_GOSSIP, TOPIC_NOW } from './lexicon/framing.js';
import { TYPOS } from './lexicon/replacements.js';
import { normalizeText } from './normalize.js';
import { HARD_TOPICS, detectOutOfScopeTopic, isSmallTalk, matchOutOfScopeTopic } from './out-of-scope.js';
import { createPinyinFixer, type PinyinFixer } from './pinyin-fix.js';
import { createReader, type Reader, type Reading as MessageReading } from './reading.js';
import { browseText, clarifyText, complaintText, consultText, emergencyText, outOfScopeText, publicQuestionText } from './reply.js';
import { namesPublicMatter } from './lexicon/public-matters.js';
import { tokenize } from './segment.js';

export type { ChatContext } from './context.js';

/** The response contract minus the ids the gateway adds, plus the context to store for the next turn. */
export type ChatAnswer = Omit<ChatMessageResponse, 'conversationId' | 'messageId'> & {
  /** Store it with the conversation and pass it back with the next message. */
  context: ChatContext;
  /** The row of the decision table that answered (not sent to the citizen): a greeting is not a failed search. */
  situation: Situation;
};

/** The rows of the decision table (createChatEngine's DECISIONS), in the order they are tried. */
export const SITUATIONS = [
  'emergency',
  'clarify answered',
  'follow-up',
  'complaint detail',
  'greeting',
  'off topic',
  'not real',
  'ambiguous, settled by context',
  'ambiguous',
  'complaint without a subject',
  'public question without a subject',
  'no subject',
  'complaint',
  'consult',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** An answer before the table names its row. */
type TurnAnswer = Omit<ChatAnswer, 'situation'>;
export type ChatSuggestion = ChatAnswer['reply']['suggestions'][number];

export interface ChatEngineOptions {
  /** Related questions offered under an answer (default 3). */
  maxSuggestions?: number;
  /** The learned emergency layer; trained from training/<folder>/*.jsonl and the KB when not given. */
  emergencyModel?: EmergencyModel;
  /** The learned category layer; trained from the KB and training/<folder>/*.jsonl when not given. */
  categoryModel?: CategoryModel;
  /** The learned consult/complaint layer; trained from training/<folder>/*.jsonl when not given. */
  intentModel?: IntentModel;
  /** The retrieval index of these entries, built elsewhere (a worker thread); built here when not given. */
  index?: FaqIndex;
}

export interface ChatEngine {
  /** Answer one message; `context` is what the previous answer returned (or nothing for a new conversation). */
  answer(text: string, context?: unknown): ChatAnswer;
  /** Swap in a new set of entries (admin edits); takes effect for the next answer. */
  rebuild(entries: KbEntry[]): void;
  /** Browse: enabled entries (of one category, or all), in category order. */
  list(categoryId?: CategoryId): KbEntry[];
  /** One enabled entry by id, or null. */
  entry(id: string): KbEntry | null;
  /** Search the enabled entries with the same normalization, lexicon and ranking the chat uses. */
  search(q: string, opts?: { categoryId?: CategoryId; limit?: number }): KbEntry[];
  /** Number of enabled entries indexed. */
  size(): number;
}

/** The KB-independent parts (keywords, pinyin fixer, the reader built on them) are built once per process. */
let shared: { fixer: PinyinFixer; reader: Reader } | null = null;
function sharedParts(): { fixer: PinyinFixer; reader: Reader } {
  if (shared === null) {
    const keywords = createKeywordMatcher();
    const fixer = createPinyinFixer([...keywords.words(), ...Object.keys(TYPOS).map((t): [string, number] => [t, 3])]);
    shared = { fixer, reader: createReader({ keywords, fixer }) };
  }
  return shared;
}

/** One message read once (reading.ts), plus the engine's consult/complaint decision on it. */
interface Reading extends MessageReading {
  complaint: boolean;
}

const SEARCH_LIMIT = 24;

/** What the decision table reads of a turn besides the reading and the context (factsOf). */
interface Facts {
  /** The danger found, or null. */
  readonly emergency: EmergencyMatch | null;
  /** Index of the clarify option the message picks, or null. */
  readonly clarifyChoice: number | null;
  /** A subject we do not cover (weather, games, homework …) and the words that named it, or null. */
  readonly offTopic: ReturnType<typeof matchOutOfScopeTopic>;
  readonly smallTalk: boolean;
  /** Still on the subject of the previous turn. */
  readonly onTopic: boolean;
  /** Enough of one of our subjects to outweigh an off-topic word. */
  readonly inScopeSubject: boolean;
  /** FAQ retrieval over the whole KB. */
  readonly hits: Hit[];
  /** Categories by retrieval, keywords and the learned category layer. */
  readonly ranked: CategoryScore[];
  /** The categories an ambiguous short question could mean, or null when it is clear. */
  readonly readings: CategoryId[] | null;
  /** The best-ranked category when the message is about one of ours, else null. */
  readonly subject: CategoryScore | null;
}

/** One row of the decision table (its situation is its key in DECISIONS). */
interface Decision {
  when(facts: Facts, ctx: ChatContext, r: Reading): boolean;
  answer(ctx: ChatContext, r: Reading, facts: Facts): TurnAnswer;
}

interface LearnedModels {
  emergency: EmergencyModel;
  category: CategoryModel;
  intent: IntentModel;
}

/** What the learned layers read of a KB (categories, questions, paraphrases): an edit elsewhere needs no retraining. */
export function learnedKey(entries: KbEntry[]): string {
  return createHash('sha256')
    .update(JSON.stringify(entries.map((e) => [e.categoryId, e.question, e.paraphrases])))
    .digest('hex');
}

/**
 * The learned layers for a KB, trained once per process and KB content (about 1.5 s): several engines over the
 * same KB (tests, a gateway that restarts its engine) share them.
 */
const learnedCache = new Map<string, LearnedModels>();
function learnedModels(entries: KbEntry[]): LearnedModels {
  const key = learnedKey(entries);
  let models = learnedCache.get(key);
  if (!models) {
    models = {
      emergency: trainEmergencyModel(loadEmergencyTraining(entries)),
      category: trainCategoryModel(loadCategoryTraining(entries)),
      intent: trainIntentModel(loadIntentTraining()),
    };
    learnedCache.clear(); // keep only the latest KB's models
    learnedCache.set(key, models);
  }
  return models;
}

export function createChatEngine(entries: KbEntry[], opts: ChatEngineOptions = {}): ChatEngine {
  const maxSuggestions = opts.maxSuggestions ?? 3;
  const { fixer, reader } = sharedParts();
  let emergencyModel: EmergencyModel;
  let categoryModel: CategoryModel;
  let intentModel: IntentModel;
  /** Trains the learned layers on these entries (the KB's questions and paraphrases are part of their data). */
  const learn = (kb: KbEntry[]): void => {
    const trained = opts.emergencyModel && opts.categoryModel && opts.intentModel ? null : learnedModels(kb);
    emergencyModel = opts.emergencyModel ?? trained!.emergency;
    categoryModel = opts.categoryModel ?? trained!.category;
    intentModel = opts.intentModel ?? trained!.intent;
  };
  learn(entries);
  let index: FaqIndex = opts.index ?? buildIndex(entries);

  function read(raw: string): Reading {
    const r = reader.read(raw);
    // A question-less statement only counts as a complaint when it is about one of our subjects.
    // An explicit ticket word decides; otherwise the learned intent layer (n-grams and cue hits) does.
    const { signals } = r;
    const vote = intentModel.complaintLogOddsOf(r.learnedFeatures);
    const complaint = (signals.explicit || vote > 0) && !(signals.complaint === 0 && r.kwMax < 1.5);
    return { ...r, complaint };
  }

  // ── Replies ─────────────────────────────────────────────────────────────────────────

  function finish(ctx: ChatContext, raw: string, a: Omit<ChatAnswer, 'context' | 'situation'>, pending: PendingClarify | null = null): TurnAnswer {
    const keepsTopic = a.intent === 'emergency' || a.intent === 'out_of_scope';
    const context: ChatContext = {
      v: 1,
      lastCategoryId: a.categoryId ?? (keepsTopic ? ctx.lastCategoryId : null),
      lastFaqId: a.faqId ?? null,
      lastIntent: a.intent,
      recent: pushTurn(ctx.recent, { text: raw, categoryId: a.categoryId, intent: a.intent }),
      pending,
    };
    return { ...a, confidence: Math.round(Math.min(1, Math.max(0, a.confidence)) * 100) / 100, context };
  }

  function suggestionsFrom(hits: Hit[], exclude: string | undefined, categoryId: CategoryId | null): ChatSuggestion[] {
    const out: ChatSuggestion[] = [];
    const seen = new Set<string>(exclude ? [exclude] : []);
    const add = (e: KbEntry): void => {
      if (out.length >= maxSuggestions || seen.has(e.id)) return;
      seen.add(e.id);
      out.push({ faqId: e.id, question: e.question });
    };
    // Same category first, then related entries elsewhere, then the category's own list.
    for (const h of hits) if (h.entry.categoryId === categoryId) add(h.entry);
    for (const h of hits) if (h.entry.categoryId !== categoryId) add(h.entry);
    if (categoryId) for (const e of index.byCategory.get(categoryId) ?? []) add(e);
    return out;
  }

  /** The citizen's words for a draft: this message plus the complaint turns just before it on the same subject. */
  function draftTexts(ctx: ChatContext, categoryId: CategoryId | null, current: string): string[] {
    const texts: string[] = [];
    for (let i = ctx.recent.length - 1; i >= 0 && texts.length < 3; i--) {
      const turn = ctx.recent[i]!;
      const sameSubject = turn.categoryId === null || categoryId === null || turn.categoryId === categoryId;
      const isLast = i === ctx.recent.length - 1;
      const partOfIt = turn.intent === 'complaint' || turn.intent === 'clarify' || (isLast && turn.intent === 'out_of_scope');
      if (!sameSubject || !partOfIt) break;
      texts.unshift(turn.text);
    }
    texts.push(current);
    return texts;
  }

  function complaint(ctx: ChatContext, r: Reading, categoryId: CategoryId | null, kind: DraftKind, confidence: number, hits: Hit[]): TurnAnswer {
    return finish(ctx, r.raw, {
      intent: 'complaint',
      categoryId,
      confidence,
      reply: { text: complaintText(kind, categoryId), suggestions: categoryId ? suggestionsFrom(hits, undefined, categoryId).slice(0, 2) : [] },
      draft: buildDraft(kind, categoryId, draftTexts(ctx, categoryId, r.raw)),
    });
  }

  function consult(ctx: ChatContext, r: Reading, categoryId: CategoryId, hits: Hit[], confidence: number): TurnAnswer {
    const best = hits.find((h) => h.entry.categoryId === categoryId);
    if (!best) {
      // Keyword evidence only: offer the category's questions rather than a wrong answer.
      return finish(ctx, r.raw, {
        intent: 'consult',
        categoryId,
        confidence: Math.min(confidence, 0.4),
        reply: { text: browseText(categoryId), suggestions: suggestionsFrom([], undefined, categoryId) },
      });
    }
    return finish(ctx, r.raw, {
      intent: 'consult',
      categoryId,
      faqId: best.entry.id,
      confidence,
      reply: { text: consultText(best.entry), suggestions: suggestionsFrom(hits, best.entry.id, categoryId) },
    });
  }

  function outOfScope(ctx: ChatContext, r: Reading, greeting: boolean, confidence: number): TurnAnswer {
    return finish(ctx, r.raw, { intent: 'out_of_scope', categoryId: null, confidence, reply: { text: outOfScopeText(greeting), suggestions: [] } });
  }

  function clarify(ctx: ChatContext, r: Reading, readings: CategoryId[], ranked: CategoryScore[], hits: Hit[]): TurnAnswer {
    const rank = (c: CategoryId): number => {
      const i = ranked.findIndex((s) => s.categoryId === c);
      return i < 0 ? 99 : i;
    };
    const sorted = [...readings].sort((a, b) => rank(a) - rank(b));
    const options = sorted.map((c) => ({
      categoryId: c,
      faqId: hits.find((h) => h.entry.categoryId === c)?.entry.id ?? index.byCategory.get(c)?.[0]?.id ?? null,
    }));
    const suggestions = options
      .map((o) => (o.faqId ? index.byId.get(o.faqId) : undefined))
      .filter((e): e is KbEntry => e !== undefined)
      .map((e) => ({ faqId: e.id, question: e.question }));
    return finish(
      ctx,
      r.raw,
      { intent: 'clarify', categoryId: sorted[0]!, confidence: 0.5, reply: { text: clarifyText(sorted), suggestions } },
      { text: r.raw, intent: r.complaint ? 'complaint' : 'consult', options },
    );
  }

  // ── Scores ──────────────────────────────────────────────────────────────────────────

  /** Share of the query's topic-bearing tokens the best entry matched. */
  function coverage(hit: Hit | undefined, tokens: string[]): number {
    const informative = index.informative(tokens);
    if (!hit || informative.length === 0) return 0;
    return Math.min(1, hit.matched.length / informative.length);
  }

  function confidenceOf(ranked: CategoryScore[], tokens: string[]): number {
    const top = ranked[0];
    if (!top) return 0;
    const second = ranked[1]?.score ?? 0;
    const margin = top.score > 0 ? (top.score - second) / top.score : 0;
    const kwStrength = Math.min(top.keyword, 6) / 6;
    return 0.3 + 0.3 * coverage(top.best, tokens) + 0.25 * margin + 0.15 * kwStrength;
  }

  /** Continue in a known category (a follow-up, or the answer to a clarify question), using the earlier words too. */
  function inCategory(ctx: ChatContext, r: Reading, categoryId: CategoryId, earlier: string[], asComplaint: boolean, kind: DraftKind): TurnAnswer {
    const weights = new Map<string, number>();
    for (const t of earlier) weights.set(t, 0.6);
    for (const t of r.tokens) weights.set(t, 1.5);
    const hits = index.search([...new Set([...r.tokens, ...earlier])], { categoryId, limit: SEARCH_LIMIT, weights });
    if (asComplaint) return complaint(ctx, r, categoryId, kind, 0.7, hits);
    return consult(ctx, r, categoryId, hits, hits.length > 0 ? 0.65 : 0.4);
  }

  /** The best-ranked category when the message is about one of ours; null when nothing in it is ours. */
  function subjectOf(r: Reading, ranked: CategoryScore[]): CategoryScore | null {
    const top = ranked[0];
    if (!top) return null;
    const cov = coverage(top.best, r.tokens);
    const matchedTerms = top.best ? new Set(top.best.matched).size : 0;
    const noSubject =
      (r.kwMax === 0 && (matchedTerms < 2 || cov < 0.5)) ||
      (!r.complaint && ((r.kwMax < 1.5 && cov < 0.5) || (r.kwMax < 2.5 && cov < 0.34)));
    return noSubject ? null : top;
  }

  /**
   * The report a citizen goes on to when it is not urgent after all (不是紧急情况？继续反映): kind and category
   * read as for a complaint, the same draft builder. Only the answer's offer: the emergency reply is unchanged.
   */
  function emergencyDraft(ctx: ChatContext, r: Reading): TicketDraft {
    const hits = index.search(r.tokens, { limit: SEARCH_LIMIT });
    const categoryId = subjectOf(r, rankCategories(hits, r.kw, categoryModel.probabilitiesOf(r.features)))?.categoryId ?? null;
    return buildDraft(r.signals.kind, categoryId, draftTexts(ctx, categoryId, r.raw));
  }

  // ── The decision ────────────────────────────────────────────────────────────────────

  /**
   * What one turn knows, each part computed when a row first asks for it: a greeting never pays for a search.
   * The facts are the table's inputs; the hand-set bounds in them (kwMax < 3, six tokens, two questions …) are
   * documented where they are computed.
   */
  function factsOf(ctx: ChatContext, r: Reading): Facts {
    const memo = new Map<keyof Facts, unknown>();
    const once = <K extends keyof Facts>(key: K, compute: () => Facts[K]): Facts[K] => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Facts[K];
    };
    const facts: Facts = {
      // The danger rules (the floor), or else the learned layer. A lone cry (救命 and nothing else of danger) stands
      // unless the message is plainly about one of our subjects or something out of scope ("身份证办不了 救命"), or says
      // more than the cry with no danger in it ("男朋友三天没回我消息了 救命 我是不是该分手").
      get emergency() {
        return once('emergency', () => {
          const ruled = detectEmergency(r);
          const everyday = ruled?.loneCry && (r.kwMax >= 3 || facts.offTopic !== null || any(r.cues, NOT_REAL) || cryAmongOtherWords(r));
          // The learned layer is not asked either: what it would react to is the same cry.
          if (everyday) return null;
          return ruled ?? learnedEmergency(r, emergencyModel);
        });
      },
      // The answer to our clarify question ("第二个", "社保卡"): a short message that picks one of the options.
      get clarifyChoice() {
        return once('clarifyChoice', () => {
          if (!ctx.pending || r.tokens.length > 6) return null;
          return resolveClarifyChoice(r.raw, ctx.pending, r.kw.scores);
        });
      },
      get offTopic() {
        return once('offTopic', () => matchOutOfScopeTopic(r.norm));
      },
      get smallTalk() {
        return once('smallTalk', () => isSmallTalk(r.norm));
      },
      // Still on the subject we were talking about: no other topic and no strong keyword of its own.
      get onTopic() {
        return once('onTopic', () => ctx.lastCategoryId !== null && !facts.offTopic && !facts.smallTalk && r.kwMax < 3);
      },
      // A strong grievance about one of our subjects stays ours even when it mentions a pastime ("半夜打游戏大喊大叫");
      // the words that named the topic ("打麻将") do not also count as our subject (麻将 is a noise keyword).
      get inScopeSubject() {
        return once('inScopeSubject', () => {
          const subject = facts.offTopic ? subjectOutside(r.kw, facts.offTopic.words) : r.kwMax;
          return subject >= 3 || (r.complaint && subject >= 2) || (r.complaint && r.signals.complaint >= 4.5 && subject >= 1);
        });
      },
      get hits() {
        return once('hits', () => index.search(r.tokens, { limit: SEARCH_LIMIT }));
      },
      get ranked() {
        return once('ranked', () => rankCategories(facts.hits, r.kw, categoryModel.probabilitiesOf(r.features)));
      },
      // A short question whose only subject word has several readings (密码, 转移, 上户口 …).
      get readings() {
        return once('readings', () => (r.signals.explicit ? null : ambiguousReadings(r)));
      },
      get subject() {
        return once('subject', () => subjectOf(r, facts.ranked));
      },
    };
    return facts;
  }

  /**
   * The decision table: rows are tried in the order of SITUATIONS and the first whose `when` holds answers. Each
   * row is one situation a citizen can be in; the order is the precedence (danger before anything, the
   * conversation before a fresh reading, a subject we cover before the guess that we cover none).
   */
  const DECISIONS: Record<Situation, Decision> = {
    'emergency': {
      // 1. Danger, and nothing else: the numbers first, then the prefilled report for "不是紧急情况？继续反映".
      when: (f) => f.emergency !== null,
      answer: (ctx, r, f) =>
        finish(ctx, r.raw, {
          intent: 'emergency',
          categoryId: null,
          confidence: 1,
          reply: { text: emergencyText(f.emergency!), suggestions: [], emergencyNumbers: f.emergency!.numbers },
          draft: emergencyDraft(ctx, r),
        }),
    },
    'clarify answered': {
      // 2. The citizen picked one of our clarify options: answer in that category with the words they first asked.
      when: (f) => f.clarifyChoice !== null,
      answer: (ctx, r, f) => {
        const pending = ctx.pending!;
        const option = pending.options[f.clarifyChoice!]!;
        const asked = reader.topic(pending.text);
        return inCategory(ctx, r, option.categoryId, asked.tokens, pending.intent === 'complaint', asked.signals.kind);
      },
    },
    'follow-up': {
      // 3. A follow-up in the category we were talking about ("那需要带什么材料？"), read with the recent turns' words.
      when: (f, ctx, r) => f.onTopic && (ctx.lastIntent === 'consult' || ctx.lastIntent === 'complaint') && looksLikeFollowUp(r.norm, r.tokens.length),
      answer: (ctx, r) => {
        const last = ctx.lastCategoryId!;
        // The topic words of the recent turns on this subject ("户口迁移" … "那需要带什么材料" … "多久能办好").
        const earlier = ctx.recent.filter((t) => t.categoryId === last).flatMap((t) => reader.topic(t.text).tokens);
        const asComplaint = r.complaint || (ctx.lastIntent === 'complaint' && r.signals.question < 2);
        return inCategory(ctx, r, last, earlier, asComplaint, r.signals.kind);
      },
    },
    'complaint detail': {
      // 4. More details for the complaint being drafted ("就在中山路12号", "已经一个星期了"): short, not a question.
      when: (f, ctx, r) => f.onTopic && ctx.lastIntent === 'complaint' && r.signals.question < 2 && r.tokens.length <= 12,
      answer: (ctx, r) => {
        const last = ctx.lastCategoryId!;
        const hits = index.search(r.tokens, { categoryId: last, limit: SEARCH_LIMIT });
        return complaint(ctx, r, last, r.signals.explicit ? r.signals.kind : 'complaint', 0.7, hits);
      },
    },
    'greeting': {
      // 5. A greeting or small talk that names nothing of ours.
      when: (f, _ctx, r) => f.smallTalk && r.kwMax === 0,
      answer: (ctx, r) => outOfScope(ctx, r, true, 0.9),
    },
    'off topic': {
      // 6. A subject we do not cover; a content request (essay, code …) stays out even if it names one of ours.
      when: (f) => f.offTopic !== null && (HARD_TOPICS.has(f.offTopic.topic) || !f.inScopeSubject),
      answer: (ctx, r) => outOfScope(ctx, r, false, 0.85),
    },
    'not real': {
      // 7. A dream, a game, a riddle, a piece of writing or a word asked about, with little of our subjects in it
      //    ("帮我写段朋友圈文案，庆祝宝宝百天"); a riddle or a word asked about whatever it names ("fire 中文是火还是火灾"),
      //    a watched story only wondered about ("新闻里那个被救的小孩后来咋样了") and news from elsewhere ("新闻说土耳其又
      //    地震了"). News is otherwise real:
      //    "电视里讲暴雨红色预警，要不要搬" is ours.
      when: (f, _ctx, r) =>
        !r.signals.explicit &&
        ((any(r.cues, NOT_REAL_NOR_NEWS) && (!f.inScopeSubject || any(r.cues, CONTENT_REQUEST))) ||
          all(r.cues, SCREEN_GOSSIP) ||
          all(r.cues, FAR_NEWS) ||
          any(r.cues, EN_FAR_NEWS)),
      answer: (ctx, r) => outOfScope(ctx, r, false, 0.7),
    },
    'ambiguous, settled by context': {
      // 8. An ambiguous word whose reading the conversation already settled.
      when: (f, ctx) => f.readings !== null && f.readings.includes(ctx.lastCategoryId as CategoryId),
      answer: (ctx, r, f) => {
        const known = ctx.lastCategoryId!;
        return r.complaint ? complaint(ctx, r, known, r.signals.kind, 0.6, f.hits) : consult(ctx, r, known, f.hits, 0.6);
      },
    },
    'ambiguous': {
      // 9. An ambiguous word: ask which reading was meant.
      when: (f) => f.readings !== null,
      answer: (ctx, r, f) => clarify(ctx, r, f.readings!, f.ranked, f.hits),
    },
    'complaint without a subject': {
      // 10. Nothing in it is ours, but someone has to act: a ticket without a category.
      when: (f, _ctx, r) => f.subject === null && r.complaint,
      answer: (ctx, r, f) => complaint(ctx, r, null, r.signals.kind, 0.5, f.hits),
    },
    'public question without a subject': {
      // 11. A question about a public matter none of our categories covers (fire safety, the emergency numbers,
      //     fireworks, animals …): the hotline's business, answered by a person — the citizen is offered one at once.
      when: (f, _ctx, r) => f.subject === null && r.signals.question >= 1 && namesPublicMatter(r.norm, r.rawLower),
      answer: (ctx, r) => finish(ctx, r.raw, { intent: 'consult', categoryId: null, confidence: 0.4, reply: { text: publicQuestionText(), suggestions: [] } }),
    },
    'no subject': {
      // 12. Nothing in it is ours.
      when: (f) => f.subject === null,
      answer: (ctx, r) => outOfScope(ctx, r, false, 0.6),
    },
    'complaint': {
      // 13. Someone has to act: offer the prefilled ticket.
      when: (_f, _ctx, r) => r.complaint,
      answer: (ctx, r, f) => complaint(ctx, r, f.subject!.categoryId, r.signals.kind, confidenceOf(f.ranked, r.tokens), f.hits),
    },
    'consult': {
      // 14. A question with a standard answer.
      when: () => true,
      answer: (ctx, r, f) => consult(ctx, r, f.subject!.categoryId, f.hits, confidenceOf(f.ranked, r.tokens)),
    },
  };

  function answer(text: string, contextIn?: unknown): ChatAnswer {
    const ctx = readContext(contextIn);
    // Read once: every row below reads this reading.
    const r = read(text.trim().slice(0, 500));
    const facts = factsOf(ctx, r);
    const situation = SITUATIONS.find((s) => DECISIONS[s].when(facts, ctx, r))!;
    return { ...DECISIONS[situation].answer(ctx, r, facts), situation };
  }

  return {
    answer,
    rebuild(next: KbEntry[]) {
      index = buildIndex(next);
      learn(next);
    },
    list(categoryId?: CategoryId) {
      if (categoryId) return [...(index.byCategory.get(categoryId) ?? [])];
      return CATEGORIES.flatMap((c) => index.byCategory.get(c.id) ?? []);
    },
    entry: (id: string) => index.byId.get(id) ?? null,
    search(q: string, opts: { categoryId?: CategoryId; limit?: number } = {}) {
      const tokens = tokenize(fixer.fix(normalizeText(q.slice(0, 500))));
      const hits = index.search(tokens, { limit: opts.limit ?? 20, ...(opts.categoryId ? { categoryId: opts.categoryId } : {}) });
      return hits.map((h) => h.entry);
    },
    size: () => index.entries.length,
  };
}

/** Strongest per-category keyword evidence left once the hits inside `words` are set aside. */
function subjectOutside(kw: KeywordEvidence, words: string): number {
  const scores = new Map<CategoryId, number>();
  for (const h of kw.hits) if (!words.includes(h.word)) scores.set(h.categoryId, (scores.get(h.categoryId) ?? 0) + h.weight);
  return Math.max(0, ...scores.values());
}

/** The learned layer names no kind of danger: give the three general numbers (and 122 for road crashes). */
function learnedEmergency(r: MessageReading, model: EmergencyModel): EmergencyMatch | null {
  if (!model.flagsFeatures(r.dangerFeatures)) return null;
  // The model cannot say what it reacted to ("打麻将", "刀郎"), so it yields to framing that says nothing is live:
  // the past, claims and money, thanks, or an off-topic subject such as the weather — unless a live-now word.
  if (framedAsNotLive(r)) return null;
  if (detectOutOfScopeTopic(r.base) && !any(r.cues, TOPIC_NOW)) return null;
  const road = /(撞|车祸|追尾|翻车|crash|accident|hit by)/i.test(r.raw);
  return { kinds: [], numbers: road ? ['110', '119', '120', '122'] : ['110', '119', '120'] };
}

/** Categories a short question could mean when its only subject words are shared ones (密码 …); null when it is clear. */
function ambiguousReadings(r: Reading): CategoryId[] | null {
  if (r.tokens.length > 6) return null;
  const readings = new Set<CategoryId>();
  const spans: [number, number][] = [];
  for (const term of AMBIGUOUS_TERMS) {
    const m = term.pattern.exec(r.norm);
    if (!m) continue;
    spans.push([m.index, m.index + m[0].length]);
    for (const c of term.categories) readings.add(c);
  }
  if (readings.size < 2) return null;
  // A keyword outside the ambiguous words (or a longer compound around them, 生育津贴 ⊃ 津贴) decides instead.
  const specific = r.kw.hits.some((h) => {
    if (h.weight < 1.5) return false;
    const at = r.norm.indexOf(h.word);
    return !spans.some(([s, e]) => at >= s && at + h.word.length <= e);
  });
  return specific ? null : [...readings].slice(0, 3);
}
