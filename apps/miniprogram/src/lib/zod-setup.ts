// Turns off zod's `new Function` fast path before any schema is built: the mini-program forbids eval.
import { z } from 'zod';

z.config({ jitless: true });
