// Who may do what: the staff permission table and the rules read by the guards, routes and commands.
import { STAFF_PERMISSIONS, STAFF_ROLES } from '@minhu/shared';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config.js';
import {
  accountChangeBlocker,
  canActOnTicket,
  canEditFaq,
  canManageOutbox,
  canManageStaff,
  canReadAudit,
  canReadTickets,
  canRevealPhone,
  canViewTicket,
  may,
  ticketScope,
  type Actor,
} from './staff.js';
import { configuredTemplates, subscriptionState } from './subscription.js';

const citizenId = new Types.ObjectId().toHexString();
const owner: Actor = { kind: 'citizen', id: citizenId };
const stranger: Actor = { kind: 'citizen', id: new Types.ObjectId().toHexString() };
const operator: Actor = { kind: 'staff', id: new Types.ObjectId().toHexString(), role: 'operator' };
const admin: Actor = { kind: 'staff', id: new Types.ObjectId().toHexString(), role: 'admin' };
const hotline: Actor = { kind: 'hotline' };
const ticket = { citizenId: new Types.ObjectId(citizenId) };

describe('the staff permission table', () => {
  it('names only known roles, and gives admins everything', () => {
    for (const [permission, roles] of Object.entries(STAFF_PERMISSIONS)) {
      for (const role of roles) expect(STAFF_ROLES, permission).toContain(role);
      expect(roles, permission).toContain('admin');
    }
  });

  it('never grants a staff permission to a citizen or the hotline system', () => {
    for (const permission of Object.keys(STAFF_PERMISSIONS) as Array<keyof typeof STAFF_PERMISSIONS>) {
      expect(may(owner, permission), permission).toBe(false);
      expect(may(hotline, permission), permission).toBe(false);
    }
  });
});

describe('tickets', () => {
  it('lets a citizen see only their own ticket; staff and the hotline see every ticket', () => {
    expect(canViewTicket(owner, ticket)).toBe(true);
    expect(canViewTicket(owner, { citizenId: citizenId })).toBe(true);
    expect(canViewTicket(stranger, ticket)).toBe(false);
    expect(canViewTicket(owner, { citizenId: null })).toBe(false);
    expect(canViewTicket(operator, ticket)).toBe(true);
    expect(canViewTicket(admin, ticket)).toBe(true);
    expect(canViewTicket(hotline, ticket)).toBe(true);
  });

  it('scopes queries the same way: a citizen’s own tickets, everything for staff and the hotline', () => {
    expect(ticketScope(owner)).toEqual({ citizenId });
    expect(ticketScope(operator)).toEqual({});
    expect(ticketScope(hotline)).toEqual({});
  });

  it('lets staff and the hotline system work a ticket, never a citizen', () => {
    expect(canActOnTicket(operator)).toBe(true);
    expect(canActOnTicket(admin)).toBe(true);
    expect(canActOnTicket(hotline)).toBe(true);
    expect(canActOnTicket(owner)).toBe(false);
    expect(canReadTickets(operator)).toBe(true);
    expect(canReadTickets(owner)).toBe(false);
  });

  it('reveals the full phone number to staff only', () => {
    expect(canRevealPhone(operator)).toBe(true);
    expect(canRevealPhone(admin)).toBe(true);
    expect(canRevealPhone(owner)).toBe(false);
    expect(canRevealPhone(hotline)).toBe(false);
  });
});

describe('admin screens', () => {
  it.each([
    ['audit log', canReadAudit],
    ['staff accounts', canManageStaff],
    ['knowledge base', canEditFaq],
    ['failed deliveries', canManageOutbox],
  ])('%s: admins only', (_, rule) => {
    expect(rule(admin)).toBe(true);
    expect(rule(operator)).toBe(false);
    expect(rule(owner)).toBe(false);
    expect(rule(hotline)).toBe(false);
  });
});

describe('accountChangeBlocker', () => {
  const self = { id: admin.kind === 'staff' ? admin.id : '', role: 'admin' as const };
  const other = { id: new Types.ObjectId().toHexString(), role: 'operator' as const };

  it('lets an admin change other accounts in every way', () => {
    for (const change of [{ kind: 'update', role: 'admin' }, { kind: 'disable' }, { kind: 'enable' }, { kind: 'reset_password' }] as const) {
      expect(accountChangeBlocker(admin, other, change)).toBeNull();
    }
  });

  it('keeps an admin from demoting or disabling itself, but not from renaming itself or resetting its own password', () => {
    expect(accountChangeBlocker(admin, self, { kind: 'update', role: 'operator' })).toEqual({ code: 'own_account', message: '不能修改自己的角色' });
    expect(accountChangeBlocker(admin, self, { kind: 'disable' })).toEqual({ code: 'own_account', message: '不能停用自己的账号' });
    expect(accountChangeBlocker(admin, self, { kind: 'update', role: 'admin' })).toBeNull();
    expect(accountChangeBlocker(admin, self, { kind: 'update' })).toBeNull();
    expect(accountChangeBlocker(admin, self, { kind: 'reset_password' })).toBeNull();
  });

  it('refuses anyone who may not manage staff', () => {
    expect(accountChangeBlocker(operator, other, { kind: 'enable' })?.code).toBe('forbidden');
    expect(accountChangeBlocker(owner, other, { kind: 'enable' })?.code).toBe('forbidden');
  });
});

describe('subscription grants (what a citizen allowed us to send on WeChat)', () => {
  const config = { notify: { templateStatus: 'tpl-status' } } as unknown as Config;
  const none = { notify: { templateStatus: undefined } } as unknown as Config;

  it('lists the configured template with the grants left, never below zero', () => {
    expect(configuredTemplates(config)).toEqual([{ id: 'tpl-status', purpose: 'ticket_status' }]);
    expect(subscriptionState(config, { subscriptionGrants: { 'tpl-status': 2 } } as never)).toEqual({ templates: [{ id: 'tpl-status', purpose: 'ticket_status', remaining: 2 }] });
    expect(subscriptionState(config, { subscriptionGrants: { 'tpl-status': -1 } } as never).templates[0]!.remaining).toBe(0);
    expect(subscriptionState(config, {} as never).templates[0]!.remaining).toBe(0);
  });

  it('lists nothing when no template is configured', () => {
    expect(subscriptionState(none, { subscriptionGrants: { x: 3 } } as never)).toEqual({ templates: [] });
  });
});
