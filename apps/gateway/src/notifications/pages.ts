// The app pages a notification can open, from the shared page table (a build test checks each one
// exists in the mini-program's app.json).
import { PAGES, pagePath, type PagePath } from '@minhu/shared';

/** Every page the gateway links to. */
export const NOTIFICATION_PAGES: readonly PagePath[] = [PAGES.ticket];

/** The page a status notification about a ticket opens. */
export const ticketNotificationPage = (ticketId: string) => pagePath(PAGES.ticket, { id: ticketId });
