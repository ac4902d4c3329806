/** Staff accounts of the built-in back office (/api/admin/staff, role admin) and the staff session. */
import { z } from 'zod';

export const STAFF_ROLES = ['operator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { operator: '话务员', admin: '管理员' };

/** A staff user name: 2–50 letters, digits or `_.-` (the CLI `npm run staff` checks the same). */
export const StaffUsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,50}$/, '用户名须为 2–50 位字母、数字或 _ . -');

/** The name shown on the timeline. */
export const StaffDisplayNameSchema = z.string().trim().min(1, '请填写显示名').max(50, '显示名不能超过 50 字');

/** POST /api/admin/staff */
export const CreateStaffSchema = z.strictObject({
  /** Sign-in name, unique. */
  username: StaffUsernameSchema,
  /** Name shown on the timeline (defaults to the user name). */
  name: StaffDisplayNameSchema.optional(),
  /** operator (works tickets) or admin (also manages accounts and the knowledge base). */
  role: StaffRoleSchema,
});
export type CreateStaff = z.infer<typeof CreateStaffSchema>;

/** PATCH /api/admin/staff/:id — a new display name and/or role. */
export const UpdateStaffSchema = z
  .strictObject({
    /** Name shown on the timeline. */
    name: StaffDisplayNameSchema,
    /** operator or admin. */
    role: StaffRoleSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少修改一个字段');
export type UpdateStaff = z.infer<typeof UpdateStaffSchema>;

/** A staff account as admins see it (never the password hash). */
export const StaffAccountSchema = z.object({
  /** Account id. */
  id: z.string(),
  /** Sign-in name. */
  username: z.string(),
  /** Name shown on the timeline. */
  name: z.string(),
  /** operator or admin. */
  role: StaffRoleSchema,
  /** A disabled account cannot sign in, and its sessions stop working. */
  disabled: z.boolean(),
  /** Created at (ISO 8601). */
  createdAt: z.string(),
  /** Last signed in (ISO 8601), or null. */
  lastSignInAt: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** Answer of POST /api/admin/staff and POST /api/admin/staff/:id/reset-password: the generated password, shown once. */
export const StaffWithPasswordSchema = z.object({
  /** The account. */
  staff: StaffAccountSchema,
  /** The generated password; it is stored only as a hash and never shown again. */
  password: z.string(),
});

/** Answer of POST /api/staff/session. */
export const StaffSessionSchema = z.object({
  /** Bearer token for /api/operator/* and /api/admin/*. */
  token: z.string(),
  /** When the token stops working (ISO 8601). */
  expiresAt: z.string(),
  /** Who signed in. */
  staff: z.object({ username: z.string(), name: z.string(), role: StaffRoleSchema }),
});
export type StaffSession = z.infer<typeof StaffSessionSchema>;
