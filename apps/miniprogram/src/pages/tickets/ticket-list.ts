// Cursor paging of 我的工单 as a pure reducer: first load, refresh (pull down), load more, errors.
import type { TicketSummary } from '@minhu/shared';

export interface TicketListState {
  items: TicketSummary[];
  nextCursor: string | null;
  /** 'idle' after a load; 'loading' first load or refresh; 'more' loading the next page. */
  phase: 'idle' | 'loading' | 'more';
  /** Error of the first load or refresh (shown instead of / above the list). */
  error: string | null;
  /** Error of a next-page load (shown at the bottom with a retry). */
  moreError: string | null;
  loaded: boolean;
}

export type TicketListAction =
  | { type: 'load' }
  | { type: 'loaded'; items: TicketSummary[]; nextCursor: string | null }
  | { type: 'loadFailed'; error: string }
  | { type: 'more' }
  | { type: 'moreLoaded'; items: TicketSummary[]; nextCursor: string | null }
  | { type: 'moreFailed'; error: string }
  | { type: 'reset' };

export const initialTicketList: TicketListState = { items: [], nextCursor: null, phase: 'idle', error: null, moreError: null, loaded: false };

export function ticketListReducer(s: TicketListState, a: TicketListAction): TicketListState {
  switch (a.type) {
    case 'load':
      return { ...s, phase: 'loading', error: null, moreError: null };
    case 'loaded':
      return { items: a.items, nextCursor: a.nextCursor, phase: 'idle', error: null, moreError: null, loaded: true };
    case 'loadFailed':
      // Keep what was on screen: a failed refresh must not blank the list.
      return { ...s, phase: 'idle', error: a.error };
    case 'more':
      return s.nextCursor && s.phase === 'idle' ? { ...s, phase: 'more', moreError: null } : s;
    case 'moreLoaded': {
      const seen = new Set(s.items.map((t) => t.id));
      return { ...s, items: [...s.items, ...a.items.filter((t) => !seen.has(t.id))], nextCursor: a.nextCursor, phase: 'idle' };
    }
    case 'moreFailed':
      return { ...s, phase: 'idle', moreError: a.error };
    case 'reset':
      return initialTicketList;
  }
}
