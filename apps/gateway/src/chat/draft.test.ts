// The handoff's consult ticket (留言给人工): the citizen's questions quoted one a line, repeats dropped, the newest
// kept when they do not all fit a ticket's description, and the last address they named.
import { TICKET_DESCRIPTION_MAX } from '@minhu/shared';
import { describe, expect, it } from 'vitest';
import { buildHandoffDraft } from './draft.js';

describe('buildHandoffDraft', () => {
  it('quotes what the citizen asked as a consult ticket', () => {
    const d = buildHandoffDraft('housing-fund', ['公积金怎么提取', '  公积金怎么提取 ', '我住在幸福路18号，租房能提吗']);
    expect(d).toEqual({
      kind: 'consult',
      categoryId: 'housing-fund',
      description: '我在智能问答中没有找到满意的答复，请工作人员答复。我问的是：\n「公积金怎么提取」\n「我住在幸福路18号，租房能提吗」',
      location: { address: '幸福路18号' },
    });
  });

  it('keeps the newest questions within the ticket description limit', () => {
    const asked = Array.from({ length: 20 }, (_, i) => `${i}`.padStart(3, '0') + '问'.repeat(400));
    const d = buildHandoffDraft(null, asked);
    expect(d.description.length).toBeLessThanOrEqual(TICKET_DESCRIPTION_MAX);
    expect(d.description).toContain(`「${asked[19]}」`);
    expect(d.description).not.toContain(asked[0]!.slice(0, 3));
    expect(d.description.split('\n').length).toBe(5); // the lead and four questions of 405 characters
  });
});
