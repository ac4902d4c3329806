// Measures every control a finger can tap on the screen as it is: elements given a tap or click
// handler (Taro's components attach them through a React wrapper, so the wrapper's props are read from
// the fiber above the element), inputs, links, roles and the tab bar. WCAG 2.5.5 and the house rule ask ≥ 44×44 CSS px (48 in
// 关怀模式); this returns the ones that fall short, with enough to find them.
import type { Page } from 'playwright-core';

export interface SmallTarget {
  /** What it says (or its label). */
  text: string;
  /** Its classes, to find it in the styles. */
  className: string;
  width: number;
  height: number;
}

export interface TapAudit {
  /** Controls measured on this screen. */
  measured: number;
  small: SmallTarget[];
}

export async function auditTapTargets(page: Page, min: number): Promise<TapAudit> {
  return page.evaluate((min) => {
    const out: Array<{ text: string; className: string; width: number; height: number }> = [];
    let measured = 0;
    type Fiber = { type: unknown; memoizedProps?: Record<string, unknown>; return?: Fiber | null };
    const handles = (props?: Record<string, unknown>) => typeof props?.onClick === 'function' || typeof props?.onTap === 'function';
    const tappable = (el: Element): boolean => {
      // NutUI's Tag registers a do-nothing click handler on every tag; ours are labels, not controls.
      if (el.matches('.nut-tag')) return false;
      if (el.matches('input:not([type="hidden"]), textarea, a[href], .taro-tabbar__tabbar-item, [role="button"], [role="link"], [role="checkbox"]')) return true;
      const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
      let fiber = key ? (el as unknown as Record<string, Fiber | undefined>)[key] : undefined;
      if (handles(fiber?.memoizedProps)) return true;
      // Up through the component wrappers (not past the next element) that rendered this element.
      for (let up = fiber?.return, n = 0; up && typeof up.type !== 'string' && n < 4; up = up.return, n++) {
        if (handles(up.memoizedProps)) return true;
      }
      return false;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!tappable(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue; // not on this screen (hidden page, closed sheet)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.pointerEvents === 'none' || style.opacity === '0') continue;
      measured++;
      // An element inside a larger tappable parent that does the same is measured as that parent.
      if (el.parentElement && tappable(el.parentElement) && el.parentElement.getBoundingClientRect().height >= rect.height) {
        const p = el.parentElement.getBoundingClientRect();
        if (p.width >= min && p.height >= min) continue;
      }
      if (rect.width + 0.5 < min || rect.height + 0.5 < min) {
        const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? (el as HTMLInputElement).placeholder ?? '';
        out.push({ text: label.trim().slice(0, 30), className: String(el.className).slice(0, 80), width: Math.round(rect.width), height: Math.round(rect.height) });
      }
    }
    return { measured, small: out };
  }, min);
}
