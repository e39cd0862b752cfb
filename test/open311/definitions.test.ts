// The service definitions (server/open311/definitions.ts) against the report's own schema: the
// attributes marked required are exactly the fields the schema requires, every attribute is a
// field it keeps, and every listed value is one it takes, so a partner's form built from a
// definition produces reports the intake accepts.
import assert from 'node:assert/strict';
import { CATEGORY_IDS } from '../../shared/reference/categories.ts';
import { parseCategoryDetails } from '../../shared/validation/report-input.ts';
import { SERVICE_ATTRIBUTES, type AttributeDefinition } from '../../server/open311/definitions.ts';

const TODAY = '2026-12-01';

function sample(a: AttributeDefinition): unknown {
  switch (a.datatype) {
    case 'singlevaluelist': return a.values?.[0]?.key;
    case 'multivaluelist': return [a.values?.[0]?.key];
    case 'number': return '2';
    case 'datetime': return '2026-11-30';
    default: return 'Kios Makmur';
  }
}

describe('Open311 service definitions and the report schema', () => {
  for (const category of CATEGORY_IDS) {
    const attributes = SERVICE_ATTRIBUTES[category];
    const full = Object.fromEntries(attributes.map((a) => [a.code, sample(a)]));

    it(`${category}: a request with every attribute is accepted and keeps each of them`, () => {
      const parsed = parseCategoryDetails(category, full, TODAY);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.fields));
      assert.deepEqual(Object.keys(parsed.value.details).sort(), attributes.map((a) => a.code).sort());
    });

    it(`${category}: required attributes are exactly the schema's required fields`, () => {
      const onlyRequired = Object.fromEntries(attributes.filter((a) => a.required).map((a) => [a.code, sample(a)]));
      assert.ok(parseCategoryDetails(category, onlyRequired, TODAY).ok, 'the required ones alone suffice');
      for (const a of attributes) {
        const { [a.code]: _left, ...without } = full;
        const parsed = parseCategoryDetails(category, without, TODAY);
        if (a.required) assert.deepEqual(!parsed.ok && parsed.fields[`details.${a.code}`], 'required', `${a.code} is required`);
        else assert.ok(parsed.ok, `${a.code} is optional`);
      }
    });

    it(`${category}: every listed value is taken, and lists say their values`, () => {
      for (const a of attributes) {
        if (a.datatype !== 'singlevaluelist' && a.datatype !== 'multivaluelist') { assert.equal(a.values, undefined); continue; }
        assert.ok(a.values && a.values.length > 0, a.code);
        for (const value of a.values) {
          const details = { ...full, [a.code]: a.datatype === 'multivaluelist' ? [value.key] : value.key };
          assert.ok(parseCategoryDetails(category, details, TODAY).ok, `${a.code}=${value.key}`);
          assert.ok(value.name.length > 0);
        }
      }
    });
  }
});
