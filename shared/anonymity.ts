// The one anonymity rule, for every channel (web form, JSON API, WhatsApp, SMS, Ngopi, and
// Open311 to come), applied by intake (server/reports/service.ts) and by the citizen's form
// before it sends anything (client/src/form.ts):
// - not anonymous: the name and phone given are kept (the handling desk sees them);
// - anonymous, and asked to be told of progress ("Kabari perkembangan lewat WhatsApp"): kept,
//   only so the notification sender can reach them; no desk role sees them (desk/policy.ts);
// - anonymous otherwise: dropped at intake, never stored.

export interface ContactChoice { anonymous: boolean; notifyConsent: boolean; name?: string; phone?: string; email?: string }

/** What of the reporter's contact is kept: null where nothing may be stored. */
export function keptContact(choice: ContactChoice): { name: string | null; phone: string | null; email: string | null } {
  if (choice.anonymous && !choice.notifyConsent) return { name: null, phone: null, email: null };
  return { name: choice.name ?? null, phone: choice.phone ?? null, email: choice.email ?? null };
}
