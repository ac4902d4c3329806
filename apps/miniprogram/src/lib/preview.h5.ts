// Full-screen photo viewer for H5: a plain overlay, tap anywhere to close, arrows to page through.

export function previewImages(urls: string[], current: string): void {
  if (typeof document === 'undefined' || urls.length === 0) return;
  let index = Math.max(0, urls.indexOf(current));
  const overlay = document.createElement('div');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-label', '查看图片');
  overlay.setAttribute('data-testid', 'image-preview');
  overlay.style.cssText =
    'position:fixed;inset:0;z-index:9999;background:rgba(0,0,0,.92);display:flex;align-items:center;justify-content:center;flex-direction:column;';
  const img = document.createElement('img');
  img.style.cssText = 'max-width:100%;max-height:85vh;object-fit:contain;';
  const caption = document.createElement('div');
  caption.style.cssText = 'color:#fff;font-size:18px;margin-top:12px;';
  const show = () => {
    img.src = urls[index]!;
    caption.textContent = urls.length > 1 ? `${index + 1} / ${urls.length}　点击图片关闭` : '点击图片关闭';
  };
  const close = () => overlay.remove();
  const step = (d: number) => (e: Event) => {
    e.stopPropagation();
    index = (index + d + urls.length) % urls.length;
    show();
  };
  overlay.appendChild(img);
  overlay.appendChild(caption);
  if (urls.length > 1) {
    for (const [label, d, side] of [['‹', -1, 'left'], ['›', 1, 'right']] as const) {
      const b = document.createElement('button');
      b.textContent = label;
      b.setAttribute('aria-label', d < 0 ? '上一张' : '下一张');
      b.style.cssText = `position:absolute;${side}:8px;top:50%;transform:translateY(-50%);font-size:40px;color:#fff;background:rgba(255,255,255,.15);border:0;border-radius:8px;width:56px;height:72px;`;
      b.addEventListener('click', step(d));
      overlay.appendChild(b);
    }
  }
  overlay.addEventListener('click', close);
  show();
  document.body.appendChild(overlay);
}
