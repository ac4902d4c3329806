// Picking a page's tickets without sorting them all gives exactly what a full sort gives.
import { describe, expect, it } from 'vitest';
import { firstInOrder } from './operator-queue.js';

describe('firstInOrder', () => {
  it('matches a full sort for any k, with ties and duplicates', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const rows = Array.from({ length: 3000 }, (_, i) => ({ at: Math.floor(random() * 500), id: String(i).padStart(5, '0') }));
    const compare = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const sorted = [...rows].sort(compare);
    const rank = (r: { at: number }) => r.at;
    for (const k of [0, 1, 21, 61, 1999, 2500, 5000]) expect(firstInOrder(rows, k, rank, compare), String(k)).toEqual(sorted.slice(0, k));
    expect(firstInOrder([], 5, rank, compare)).toEqual([]);
  });
});
