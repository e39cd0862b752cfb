// The Open311 service list and service definitions, as data: a service is a category
// (service_code = category id) and its attributes are the category's own fields, the `details`
// of shared/validation/report-input.ts under the same names (attribute[fertiliserType] becomes
// details.fertiliserType). The report's schema stays the judge of a value; this table only says
// what a partner's form should ask. test/open311/definitions.test.ts holds the two together:
// the required attributes are exactly the schema's required fields, and every listed value is
// one the schema takes.
import { ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import { FERTILISER_TYPES, PUPUK_PROBLEMS } from '../../shared/reference/fertiliser.ts';
import { DAMAGE_TYPES } from '../../shared/validation/report-input.ts';
import type { CategoryId } from '../../shared/types.ts';
import { WEB_TEXT } from '../../shared/web-text.ts';

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface AttributeDefinition {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** What the partner's form asks, in Bahasa Indonesia (the citizen web form's words). */
  description: string;
  datatype_description: string | null;
  values?: { key: string; name: string }[];
}

/**
 * Raised whenever this table (or the service list) changes: discovery's changeset tells clients
 * that cached service definitions are stale.
 */
export const DEFINITIONS_CHANGESET = '2026-12-01T00:00:00Z';

const W = WEB_TEXT.id;

const text = (code: string, description: string, required = false): AttributeDefinition => ({ code, datatype: 'string', required, description, datatype_description: null });
const number = (code: string, description: string, unit: string): AttributeDefinition => ({ code, datatype: 'number', required: false, description, datatype_description: unit });
const list = (code: string, description: string, values: { key: string; name: string }[], required: boolean, datatype: 'singlevaluelist' | 'multivaluelist' = 'singlevaluelist'): AttributeDefinition =>
  ({ code, datatype, required, description, datatype_description: null, values });

export const SERVICE_ATTRIBUTES: Readonly<Record<CategoryId, readonly AttributeDefinition[]>> = {
  pupuk: [
    list('fertiliserType', W.fertiliserType, FERTILISER_TYPES.map((t) => ({ key: t.id, name: t.label })), true),
    list('problems', W.problems, PUPUK_PROBLEMS.map((p) => ({ key: p.id, name: p.label })), true, 'multivaluelist'),
    text('kioskName', W.kioskName),
    text('kioskDesa', W.kioskDesa),
    { code: 'purchaseDate', datatype: 'datetime', required: false, description: W.purchaseDate, datatype_description: 'Tanggal (YYYY-MM-DD, WIB), tidak di masa depan' },
    number('quantity', W.quantity, 'Angka, dalam satuan "unit"'),
    list('unit', W.unit, [{ key: 'kg', name: W.unitKg }, { key: 'bag', name: W.unitBag }], false),
    number('price', W.price, 'Rupiah, bilangan bulat'),
    list('priceUnit', W.priceUnit, [{ key: 'total', name: W.priceTotal }, { key: 'bag', name: W.priceBag }, { key: 'kg', name: W.priceKg }], false),
    text('crop', 'Tanaman'),
    number('landAreaHa', 'Luas lahan', 'Hektare'),
    text('poktan', 'Kelompok tani'),
  ],
  jalan: [
    text('roadName', W.roadName),
    list('damageType', W.damageType, DAMAGE_TYPES.map((d) => ({ key: d, name: W.damage[d] })), true),
    list('severity', W.severity, [{ key: '1', name: W.severity1 }, { key: '2', name: W.severity2 }, { key: '3', name: W.severity3 }], true),
  ],
  aspirasi: [
    list('topic', W.topic, ASPIRATION_TOPICS.map((t) => ({ key: t.id, name: t.label })), true),
  ],
  kesehatan: [],
  pendidikan: [],
  sosial: [],
  perizinan: [],
  peternakan: [],
  lainnya: [],
};

/** The attribute of a service by its code, if the service has one of that name. */
export function attributeOf(category: CategoryId, code: string): AttributeDefinition | undefined {
  return SERVICE_ATTRIBUTES[category].find((a) => a.code === code);
}
