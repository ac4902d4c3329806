// Turns off zod's `new Function` fast path before any schema is built (zod decides per object schema
// when it is created, so this module is imported first): the gateway's Content-Security-Policy allows
// no eval, and even zod's caught probe for it would be reported as a CSP violation.
import { z } from 'zod';

z.config({ jitless: true });
