// Small hooks shared by the screens: loading a resource, polling it, the department list.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads `fetcher` now and whenever `deps` change; keeps the last data while reloading. */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);
  const fetchNow = useCallback(fetcher, deps);
  const reload = useCallback(async () => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setLoading(true);
    try {
      const d = await fetchNow(c.signal);
      if (c.signal.aborted) return;
      setData(d);
      setError(null);
    } catch (err) {
      if ((err as Error).name === 'AbortError' || c.signal.aborted) return;
      setError(err instanceof ApiError ? err.message : '加载失败，请稍后再试');
    } finally {
      if (!c.signal.aborted) setLoading(false);
    }
  }, [fetchNow]);
  useEffect(() => {
    void reload();
    return () => controller.current?.abort();
  }, [reload]);
  return { data, error, loading, reload };
}

/** Calls `tick` every `ms` while the tab is visible. */
export function useInterval(tick: () => void, ms: number): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}

let departments: Promise<string[]> | null = null;

/** The departments tickets are dispatched to (GET /api/operator/departments), fetched once. */
export function useDepartments(): string[] {
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    departments ??= api<{ departments: string[] }>('GET', '/api/operator/departments').then((r) => r.departments);
    departments.then(setList).catch(() => (departments = null));
  }, []);
  return list;
}
