/** @minhu/shared: domain rules and API schemas, imported by the gateway and the Taro app. */
export * from './categories.js';
export * from './tickets.js';
export * from './pages.js';
export * from './channels.js';
export * from './api/common.js';
export * from './api/auth.js';
export * from './api/me.js';
export * from './api/uploads.js';
export * from './api/tickets.js';
export * from './api/chat.js';
export * from './api/hotline.js';
export * from './api/faq-admin.js';
export * from './supervision.js';
export * from './api/operator.js';
export * from './api/staff.js';
export * from './api/audit.js';
export * from './staff-permissions.js';
