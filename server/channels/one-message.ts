// The one-message format, for SMS and WhatsApp alike:
//   LAPOR#<kategori>#<kecamatan>#<desa>#<isi>   e.g. LAPOR#JALAN#CEPU#BALUN#Jalan berlubang besar di depan SD
//   CEK#<kode>
// Case-insensitive; names matched like typed chat names. A bad part gets a reply naming it and
// the valid choices. Category details a line cannot carry are recorded as not given.
import { CATEGORIES } from '../../shared/reference/categories.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../shared/validation/report-input.ts';
import type { CategoryId, Report } from '../../shared/types.ts';
import { matchDesa, matchKecamatan, type Places } from '../places/places.ts';
import type { Deps } from '../deps.ts';
import { clientIdOf, statusText, submitFromChannel } from './intake.ts';
import type { ChannelId } from '../store/channel-port.ts';
import type { ReplyAddress } from '../notify/contact.ts';

export const ONE_MESSAGE_FORMAT = 'LAPOR#kategori#kecamatan#desa#isi';

export type OneMessage =
  | { type: 'report'; category: CategoryId; kecamatan: string; desa: string; description: string }
  | { type: 'check'; code: string }
  | { type: 'error'; text: string };

const CATEGORY_WORDS: Record<string, CategoryId> = { bansos: 'sosial', izin: 'perizinan', mpp: 'perizinan', ternak: 'peternakan', lain: 'lainnya', ngopi: 'aspirasi' };

function categoryOf(word: string): CategoryId | null {
  const w = word.trim().toLowerCase();
  return CATEGORIES.find((c) => c.id === w)?.id ?? CATEGORY_WORDS[w] ?? null;
}

function choices(names: string[]): string {
  return names.map((n) => n.toUpperCase()).join(', ');
}

export function parseOneMessage(text: string, places: Places): OneMessage {
  const parts = text.split('#').map((p) => p.trim());
  const keyword = parts[0].toUpperCase();
  if (keyword === 'CEK') {
    if (!parts[1]) return { type: 'error', text: 'Bagian kode kosong. Format: CEK#kode, mis. CEK#ABCD-EFGH-JKMN' };
    return { type: 'check', code: parts[1] };
  }
  if (keyword !== 'LAPOR') return { type: 'error', text: `Format: ${ONE_MESSAGE_FORMAT} atau CEK#kode` };
  if (parts.length < 5) return { type: 'error', text: `Bagian kurang (${parts.length - 1} dari 4). Format: ${ONE_MESSAGE_FORMAT}` };
  const [, categoryWord, kecamatanWord, desaWord] = parts;
  // The description may itself contain '#'.
  const description = parts.slice(4).join('#').trim();
  const category = categoryOf(categoryWord);
  if (!category) return { type: 'error', text: `Kategori "${categoryWord}" tidak dikenal. Pilih: ${choices(CATEGORIES.map((c) => c.id))}` };
  const kecamatanMatch = matchKecamatan(places, kecamatanWord, 2);
  const kecamatan = kecamatanMatch[0] && kecamatanMatch[0].score > (kecamatanMatch[1]?.score ?? 0) ? kecamatanMatch[0] : undefined;
  if (!kecamatan) return { type: 'error', text: `Kecamatan "${kecamatanWord}" tidak dikenal. Pilih: ${choices(places.region.kecamatan.map((k) => k.name))}` };
  // Only a clear best match counts: a guess would file the report in the wrong village.
  const desaMatch = matchDesa(places, desaWord, { kecamatan: kecamatan.code, limit: 3 });
  const desa = desaMatch[0] && desaMatch[0].score > (desaMatch[1]?.score ?? 0) ? desaMatch[0] : undefined;
  if (!desa) {
    const offered = desaMatch.length > 1 ? desaMatch.map((d) => d.name) : places.region.kecamatan.find((k) => k.code === kecamatan.code)?.desa.map((d) => d.name) ?? [];
    return { type: 'error', text: `Desa "${desaWord}" tidak jelas di Kec. ${kecamatan.name}. Pilih: ${choices(offered)}` };
  }
  if (description.length < DESCRIPTION_MIN) return { type: 'error', text: `Bagian isi terlalu pendek (minimal ${DESCRIPTION_MIN} huruf). Format: ${ONE_MESSAGE_FORMAT}` };
  if (description.length > DESCRIPTION_MAX) return { type: 'error', text: `Bagian isi terlalu panjang (maksimal ${DESCRIPTION_MAX} huruf).` };
  return { type: 'report', category, kecamatan: kecamatan.code, desa: desa.code, description };
}

export interface OneMessageSender { channel: ChannelId; messageId: string; name?: string; phone?: string; replyTo?: ReplyAddress }

/** Carries out a one-message report or status check: the report made, or the reply text. */
export async function answerOneMessage(deps: Deps, text: string, sender: OneMessageSender): Promise<{ text: string } | { report: Report; code: string | null }> {
  const parsed = parseOneMessage(text, deps.catalog.places);
  if (parsed.type === 'error') return { text: parsed.text };
  if (parsed.type === 'check') return { text: await statusText(deps, parsed.code) };
  const result = await submitFromChannel(deps, {
    category: parsed.category, kecamatan: parsed.kecamatan, desa: parsed.desa, description: parsed.description,
    ...(sender.name ? { name: sender.name.slice(0, 100) } : {}), ...(sender.phone ? { phone: sender.phone } : {}),
    clientId: clientIdOf(sender.channel, sender.messageId),
    details: { notGiven: true },
  }, [], sender.channel, sender.replyTo);
  if (!result.ok) return { text: result.problems.join(' ') };
  return { report: result.report, code: result.code };
}
