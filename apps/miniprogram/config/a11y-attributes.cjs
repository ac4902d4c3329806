// The accessibility attributes the mini-program's templates carry on every element citizens read or
// tap. Taro's weapp templates only pass through attributes they list, and View, Text and Image list no
// `aria-*`, so without this a screen reader on WeChat hears nothing of our labels. Button too: a
// button that repeats one word per row (附议) needs a label naming what it acts on.
// Read by the build (a11y-plugin.cjs) and the runtime (a11y-runtime.js) alike.
const ARIA = { 'aria-label': "''", 'aria-role': "''", 'aria-hidden': "''" };

module.exports = { View: ARIA, Text: ARIA, Image: ARIA, Button: ARIA };
