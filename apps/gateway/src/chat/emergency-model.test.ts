// The learned emergency layer: it must add recall on phrasings it never saw, and stay quiet on
// everyday and featureless texts.
import { describe, expect, it } from 'vitest';
import { loadSeedKb } from './kb.js';
import { features, loadEmergencyTraining, trainEmergencyModel } from './emergency-model.js';

const kb = loadSeedKb();
const model = trainEmergencyModel(loadEmergencyTraining(kb));

describe('emergency model', () => {
  it('uses Chinese character n-grams and English word n-grams', () => {
    // English words the normalizer knows become Chinese first (smoke → 烟); the rest stay words.
    const f = features('楼下冒烟 everywhere now');
    expect(f).toContain('c冒烟');
    expect(f).toContain('weverywhere_now');
  });

  it('flags emergencies it was not trained on, in Chinese and English', () => {
    for (const text of ['邻居家阳台一直往外冒黑烟还有爆裂声', '我奶奶突然倒在厨房里怎么喊都没反应', 'my neighbour is lying on the floor and not breathing']) {
      expect(model.flags(text), text).toBe(true);
    }
  });

  it('stays quiet on questions, complaints and texts it knows nothing about', () => {
    for (const text of ['Tell me a joke', 'hello', 'ok', '社保卡丢了怎么补办', '邻居装修太吵了', '明天天气怎么样', 'how do I get a residence permit']) {
      expect(model.flags(text), text).toBe(false);
    }
  });

  it('trains the same model from the same data (seeded shuffles), so a restart never changes an answer', () => {
    const again = trainEmergencyModel(loadEmergencyTraining(kb));
    for (const text of ['邻居家阳台一直往外冒黑烟还有爆裂声', '社保卡丢了怎么补办', 'my flatmate sent a goodbye text and is not answering']) {
      expect(again.score(text)).toBe(model.score(text));
    }
  });

  it('never flags a text whose n-grams it has never seen, whatever its bias', () => {
    expect(model.score('qqqq zzzz')).toBe(-Infinity);
    expect(model.flags('𠀀𠀁𠀂')).toBe(false);
  });

  it('learns only from its examples (an untrained model flags nothing)', () => {
    const empty = trainEmergencyModel([{ text: '你好', emergency: false }]);
    expect(empty.flags('楼下着火了')).toBe(false);
  });
});
