// Build-time constants (config/index.ts defineConstants) and asset module shims for TypeScript.
/// <reference types="@tarojs/taro" />

/** Origin of the gateway for the mini-program, e.g. https://minhu.example.gov.cn; '' on H5 (same origin). */
declare const MINHU_API_BASE: string;

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
