// Mini-program: there are no `javascript:` links to guard (H5 uses script-links.h5.ts; Taro picks the
// file by platform).
export function guardScriptLinks(): void {}
