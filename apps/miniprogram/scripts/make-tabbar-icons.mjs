// Draws the tab bar icons (81×81 PNG, grey and blue) into src/assets/tabbar; run once after changing a shape:
//   node apps/miniprogram/scripts/make-tabbar-icons.mjs   (uses sharp from the root devDependencies)
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../../package.json', import.meta.url));
const sharp = require('sharp');
const out = new URL('../src/assets/tabbar', import.meta.url).pathname;
const icons = {
  // chat bubble
  chat: '<path d="M14 18h52a6 6 0 0 1 6 6v28a6 6 0 0 1-6 6H36l-14 12v-12h-8a6 6 0 0 1-6-6V24a6 6 0 0 1 6-6z" fill="none" stroke="C" stroke-width="6" stroke-linejoin="round"/><circle cx="28" cy="38" r="4" fill="C"/><circle cx="40" cy="38" r="4" fill="C"/><circle cx="52" cy="38" r="4" fill="C"/>',
  // form with pen
  report: '<rect x="14" y="10" width="44" height="60" rx="5" fill="none" stroke="C" stroke-width="6"/><path d="M24 26h24M24 38h24M24 50h12" stroke="C" stroke-width="6" stroke-linecap="round"/><path d="M50 62l18-18 6 6-18 18h-6z" fill="C"/>',
  // list
  tickets: '<rect x="10" y="12" width="60" height="56" rx="6" fill="none" stroke="C" stroke-width="6"/><path d="M22 28h36M22 40h36M22 52h24" stroke="C" stroke-width="6" stroke-linecap="round"/>',
};
for (const [name, body] of Object.entries(icons)) {
  for (const [suffix, color] of [['', '#4b4f56'], ['-active', '#1456c4']]) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${body.replaceAll('"C"', `"${color}"`)}</svg>`;
    await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(`${out}/${name}${suffix}.png`);
  }
}
