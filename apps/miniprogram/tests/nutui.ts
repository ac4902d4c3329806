// The NutUI components the app uses, imported one by one as babel-plugin-import does in the real
// builds (NutUI's barrel would pull in lottie-web, which needs a real canvas).
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Collapse } from '@nutui/nutui-react-taro/dist/es/packages/collapse';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as Popup } from '@nutui/nutui-react-taro/dist/es/packages/popup';
export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress';
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio';
export { default as SearchBar } from '@nutui/nutui-react-taro/dist/es/packages/searchbar';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea';
