// H5: Taro's tab bar draws each tab as <a href="javascript:;"> and does the switching in its click
// handler. Under the gateway's Content-Security-Policy (script-src 'self') the browser refuses to run
// that `javascript:` URL and reports a violation on every tap. The URL does nothing anyway, so cancel
// its navigation before it starts; the tab's own click handler still runs.
export function guardScriptLinks(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      const link = target?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (link && /^\s*javascript:/i.test(link.getAttribute('href') ?? '')) event.preventDefault();
    },
    true,
  );
}
