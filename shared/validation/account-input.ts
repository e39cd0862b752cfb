// Bodies and queries of the account pages (/api/admin/users…) and of a user's own password change.
import * as v from 'valibot';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));

export const PasswordChangeSchema = v.object({
  currentPassword: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  newPassword: v.pipe(v.string(), v.maxLength(1000)),
});

/** A new account. `password` is optional: without it the server makes one; either way it is one-time. */
export const AccountCreateSchema = v.object({
  username: text(100),
  name: text(200),
  role: text(40),
  agencyId: v.optional(v.nullable(text(60))),
  kecamatan: v.optional(v.nullable(text(20))),
  password: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});
export type AccountCreateInput = v.InferOutput<typeof AccountCreateSchema>;

/** The filters of the account list; every one narrows. */
export const AccountQuerySchema = v.object({
  role: v.optional(v.picklist(['officer', 'agency_admin', 'camat', 'executive', 'admin'])),
  agencyId: v.optional(text(60)),
  kecamatan: v.optional(text(20)),
  status: v.optional(v.picklist(['active', 'disabled'])),
  q: v.optional(text(100)),
});
export type AccountQuery = v.InferOutput<typeof AccountQuerySchema>;

export const PasswordResetSchema = v.object({
  password: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});
