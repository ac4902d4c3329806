// The learned intent and category layers: they must read unseen sentences, stay deterministic, and say
// nothing about text they know nothing about.
import { describe, expect, it } from 'vitest';
import { loadCategoryTraining, trainCategoryModel } from './category-model.js';
import { loadIntentTraining, trainIntentModel } from './intent-model.js';
import { loadSeedKb } from './kb.js';
import { normalizeText } from './normalize.js';

const kb = loadSeedKb();

describe('category model', () => {
  const model = trainCategoryModel(loadCategoryTraining(kb));
  const top = (text: string) => [...model.probabilities(normalizeText(text)).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

  it('reads the category of sentences it was not trained on, in dialect and English', () => {
    expect(top('俺家娃明年上小学 得准备啥')).toBe('school-enrollment');
    expect(top('My landlord keeps my deposit and the gym closed with my prepaid card money')).toBe('consumer-rights');
    expect(top('老板三个月没发钱了 工地上十几个人都没拿到')).toBe('wage-arrears');
  });

  it('gives probabilities that sum to one, and nothing for text without a known n-gram', () => {
    const p = model.probabilities(normalizeText('公积金怎么提取'));
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(model.probabilities('qqqq zzzz').size).toBe(0);
  });

  it('learns only from its examples', () => {
    const tiny = trainCategoryModel([
      { text: '停电了', categoryId: 'utilities-outage' },
      { text: '太吵了', categoryId: 'noise' },
    ]);
    const p = tiny.probabilities(normalizeText('又停电了'));
    expect(p.get('utilities-outage')!).toBeGreaterThan(p.get('noise')!);
  });
});

describe('intent model', () => {
  const model = trainIntentModel(loadIntentTraining());
  const logOdds = (text: string) => model.complaintLogOdds(text);

  it('scores every request to act above every question (it is one vote; the cues are the other)', () => {
    const requests = ['Kindly get the debris cleared from the hill road, it has been a week', '这钱找谁要去，老板人都跑了', '楼下烧烤店天天半夜吵，您给管管'];
    const questions = ['办居住证需要带什么材料', 'What documents do I need to register a small business?', '公积金贷款最多能贷多少'];
    const lowestRequest = Math.min(...requests.map(logOdds));
    const highestQuestion = Math.max(...questions.map(logOdds));
    expect(lowestRequest).toBeGreaterThan(highestQuestion);
    expect(highestQuestion).toBeLessThan(0);
  });

  it('trains the same model from the same data', () => {
    const again = trainIntentModel(loadIntentTraining());
    expect(again.complaintLogOdds('暖气不热')).toBe(model.complaintLogOdds('暖气不热'));
  });
});
