// NutUI's icons (the SearchBar's magnifier and clear button, Input's clear icon, Popup's ×) render an
// <i>, for which WeChat's templates have no element: Taro's base.wxml draws nothing there. On the
// mini-program they render as a <view>, painted by the same SVG mask.
import { configure } from '@nutui/icons-react-taro';

export function drawNutuiIconsAsViews(): void {
  if (process.env.TARO_ENV !== 'h5') configure({ tag: 'view' });
}
