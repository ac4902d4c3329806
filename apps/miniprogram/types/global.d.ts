// Build-time constants (config/index.ts defineConstants) and asset module shims for TypeScript.
/// <reference types="@tarojs/taro" />

/** Origin of the gateway for the mini-program, e.g. https://minhu.example.gov.cn; '' on H5 (same origin). */
declare const MINHU_API_BASE: string;
/** WeChat subscribe-message template ids to request after filing a ticket (may be empty). */
declare const MINHU_SUBSCRIBE_TEMPLATE_IDS: string[];

declare module '*.scss';
declare module '*.css';
declare module '*.png' {
  const src: string;
  export default src;
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
  }
}
