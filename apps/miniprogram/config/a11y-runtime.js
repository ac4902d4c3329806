// Mini-program runtime half of a11y-plugin.cjs: registers the aria-* attributes with Taro's runtime.
import { mergeInternalComponents } from '@tarojs/shared';
import attributes from './a11y-attributes.cjs';

mergeInternalComponents(attributes);
