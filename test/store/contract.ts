// The behaviour every Store adapter owes the domain (server/store/port.ts), as one suite: the
// cases live in ./contract/, one file per capability; a new capability adds its file to CASES.
//
// Adding an adapter (e.g. MongoDB): write test/store/<adapter>.test.ts that calls
// `runStoreContract('<name>', makeStore)`, where makeStore opens a fresh, empty store
// (a new database or collection prefix per call), `cleanup` closes and drops it, and
// `reopen` closes the store and opens the same data again (for the durability case).
// When the adapter needs a server that CI may not have, register the suite only when its
// URI is set, and otherwise a describe whose one `it` calls this.skip() saying why.
import type { Store } from '../../server/store/port.ts';
import type { ContractContext, StoreUnderTest } from './contract/fixtures.ts';
import { commitCases } from './contract/committing.ts';
import { changeSetCases } from './contract/change-sets.ts';
import { eventCases } from './contract/events.ts';
import { listingCases } from './contract/listing.ts';
import { pagingCases } from './contract/paging.ts';
import { aggregateCases } from './contract/aggregates.ts';
import { supportCases } from './contract/supports.ts';
import { sessionAndAgeCases } from './contract/sessions-and-age.ts';
import { ngopiCases } from './contract/ngopi.ts';
import { photoCases } from './contract/photos.ts';
import { userCases } from './contract/users.ts';
import { deskSessionCases } from './contract/desk-sessions.ts';
import { settingCases } from './contract/settings.ts';
import { settingsAuditCases } from './contract/settings-audit.ts';
import { durabilityCases } from './contract/durability.ts';
import { readModelCases } from './contract/readmodel.ts';
import { areaCases } from './contract/areas.ts';
import { channelContractCases } from './contract/channels.ts';
import { apiKeyCases } from './contract/api-keys.ts';
import { bulkLoadCases } from './contract/bulk-load.ts';
import { notifyCases } from './contract/notify.ts';

export * from './contract/fixtures.ts';

const CASES: readonly ((t: ContractContext) => void)[] = [
  commitCases,
  changeSetCases,
  eventCases,
  listingCases,
  pagingCases,
  aggregateCases,
  supportCases,
  sessionAndAgeCases,
  ngopiCases,
  photoCases,
  userCases,
  deskSessionCases,
  settingCases,
  settingsAuditCases,
  durabilityCases,
  readModelCases,
  areaCases,
  channelContractCases,
  apiKeyCases,
  bulkLoadCases,
  notifyCases,
];

export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`the ${name} store`, () => {
    let subject: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => { await subject.cleanup(); });
    const context: ContractContext = { get store() { return store; }, reopen: async () => (store = await subject.reopen()) };
    for (const cases of CASES) cases(context);
  });
}
