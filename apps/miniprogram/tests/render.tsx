// Mounts a component into jsdom with React 18's act(), for component tests without extra libraries.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  root: Root;
  /** Elements by data-testid. */
  byTestId(id: string): HTMLElement[];
  one(id: string): HTMLElement;
  text(): string;
  click(el: Element): Promise<void>;
  rerender(el: ReactElement): Promise<void>;
  unmount(): void;
}

export async function mount(el: ReactElement): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(el));
  const byTestId = (id: string) => Array.from(container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  return {
    container,
    root,
    byTestId,
    one(id) {
      const found = byTestId(id);
      if (found.length !== 1) throw new Error(`expected one [data-testid="${id}"], found ${found.length}`);
      return found[0]!;
    },
    text: () => container.textContent ?? '',
    async click(target) {
      await act(async () => {
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      });
    },
    async rerender(next) {
      await act(async () => root.render(next));
    },
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises and React updates run. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
