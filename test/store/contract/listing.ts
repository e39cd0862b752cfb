import assert from 'node:assert/strict';
import type { CategoryId, Report, ReportStatus } from '../../../shared/types.ts';
import type { Store } from '../../../server/store/port.ts';
import { withCategory } from '../../helpers/fixtures.ts';
import { makeReport, insert, type ContractContext } from './fixtures.ts';

export function listingCases(t: ContractContext): void {
  describe('listing reports', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    const specs: { agencyId: string; category: CategoryId; kecamatan: string; status: ReportStatus; description: string; dueAt: string | null }[] = [
      { agencyId: 'dpupr', category: 'jalan', kecamatan: '33.16.05', status: 'new', description: 'Jalan berlubang di Gadon.', dueAt: '2026-11-05T16:59:59.999Z' },
      { agencyId: 'dpupr', category: 'jalan', kecamatan: '33.16.01', status: 'verified', description: 'Jembatan retak di Jati.', dueAt: '2026-11-10T16:59:59.999Z' },
      { agencyId: 'satgas-pupuk', category: 'pupuk', kecamatan: '33.16.05', status: 'new', description: 'Urea di atas HET 100% persen.', dueAt: '2026-11-03T16:59:59.999Z' },
      { agencyId: 'dinkes', category: 'kesehatan', kecamatan: '33.16.05', status: 'resolved', description: 'Puskesmas tutup siang.', dueAt: null },
      { agencyId: 'dinkominfo', category: 'lainnya', kecamatan: '33.16.01', status: 'in_progress', description: 'Sinyal hilang di desa.', dueAt: '2026-11-20T16:59:59.999Z' },
    ];
    let reports: Report[];
    beforeEach(async () => {
      reports = specs.map(({ category, ...s }) => makeReport({ ...s, ...withCategory(category) }));
      for (const r of reports) await insert(store, r);
    });
    const codes = (items: Report[]) => items.map((r) => r.publicId);
    const expected = (pick: (r: Report) => boolean) => reports.filter(pick).reverse().map((r) => r.publicId);

    it('lists newest first', async () => {
      assert.deepEqual(codes((await store.listReports({ limit: 10 })).items), expected(() => true));
    });

    it('filters by agencies, and an empty agency list sees nothing', async () => {
      assert.deepEqual(codes((await store.listReports({ limit: 10, agencyIds: ['dpupr', 'dinkes'] })).items), expected((r) => ['dpupr', 'dinkes'].includes(r.agencyId)));
      assert.deepEqual((await store.listReports({ limit: 10, agencyIds: [] })).items, []);
    });

    it('filters by kecamatan, status and category', async () => {
      assert.deepEqual(codes((await store.listReports({ limit: 10, kecamatan: '33.16.01' })).items), expected((r) => r.kecamatan === '33.16.01'));
      assert.deepEqual(codes((await store.listReports({ limit: 10, statuses: ['new', 'resolved'] })).items), expected((r) => r.status === 'new' || r.status === 'resolved'));
      assert.deepEqual(codes((await store.listReports({ limit: 10, categories: ['jalan'] })).items), expected((r) => r.category === 'jalan'));
      assert.deepEqual(codes((await store.listReports({ limit: 10, categories: ['jalan'], kecamatan: '33.16.05' })).items), [reports[0].publicId]);
    });

    it('filters by desa and by confidentiality (the public list asks for non-confidential only)', async () => {
      const secret = makeReport({ kecamatan: '33.16.05', desa: '33.16.05.2002', confidential: true, createdAt: '2026-12-01T00:00:00.000Z' });
      await insert(store, secret);
      assert.deepEqual(codes((await store.listReports({ limit: 10, desa: '33.16.05.2002' })).items), [secret.publicId]);
      assert.deepEqual(codes((await store.listReports({ limit: 10, desa: '33.16.05.2002', confidential: false })).items), []);
      assert.deepEqual(codes((await store.listReports({ limit: 10, confidential: true })).items), [secret.publicId]);
      assert.ok(!codes((await store.listReports({ limit: 10, confidential: false })).items).includes(secret.publicId));
    });

    it('finds text in the description, taking % and _ literally', async () => {
      assert.deepEqual(codes((await store.listReports({ limit: 10, text: 'Jembatan' })).items), [reports[1].publicId]);
      assert.deepEqual(codes((await store.listReports({ limit: 10, text: '100%' })).items), [reports[2].publicId]);
      assert.deepEqual((await store.listReports({ limit: 10, text: '%' })).items.length, 1);
      assert.deepEqual((await store.listReports({ limit: 10, text: '_' })).items, []);
    });

    it('finds a report by its public id, whole or in part, in any letter case', async () => {
      const id = reports[3].publicId;

      assert.deepEqual(codes((await store.listReports({ limit: 10, text: id })).items), [id]);
      assert.ok(codes((await store.listReports({ limit: 10, text: id.slice(3).toLowerCase() })).items).includes(id));
    });

    it('finds a report by the hash of its tracking code, within the other filters, and never by the hash in the text', async () => {
      const target = reports[3];

      assert.deepEqual(codes((await store.listReports({ limit: 10, codeHash: target.codeHash })).items), [target.publicId]);
      assert.deepEqual((await store.listReports({ limit: 10, codeHash: target.codeHash, agencyIds: ['no-such-agency'] })).items, []);
      assert.deepEqual((await store.listReports({ limit: 10, text: target.codeHash })).items, []);
    });

    it('lists only reports whose running deadline has passed (overdueAt)', async () => {
      const at = '2026-11-06T00:00:00.000Z';

      assert.deepEqual(codes((await store.listReports({ limit: 10, overdueAt: at })).items), expected((r) => r.dueAt !== null && r.dueAt < at));
    });
  });
}
