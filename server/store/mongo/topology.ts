// Transactions need a replica set (or a sharded cluster through mongos); a standalone mongod
// refuses them. We find out at start, from the `hello` reply, rather than at the first report.

/** The fields of the `hello` command reply that tell the deployment apart. */
export interface HelloReply { setName?: unknown; msg?: unknown }

export type Deployment = 'replicaSet' | 'sharded' | 'standalone';

export function deploymentOf(hello: HelloReply): Deployment {
  if (typeof hello.setName === 'string' && hello.setName !== '') return 'replicaSet';
  if (hello.msg === 'isdbgrid') return 'sharded'; // what mongos answers
  return 'standalone';
}

export class TransactionsUnavailableError extends Error {
  constructor() {
    super([
      'MongoDB di MONGODB_URI adalah server tunggal (standalone). Suara Warga menulis laporan dan kejadiannya',
      'dalam satu transaksi, dan transaksi hanya tersedia pada replica set. Jalankan replica set satu node:',
      '  mongod --replSet rs0 --dbpath /tmp/mdb --port 27017',
      "  mongosh --eval 'rs.initiate()'",
      'lalu pakai MONGODB_URI=mongodb://127.0.0.1:27017/suara_warga?replicaSet=rs0.',
      'Atau set MONGODB_TRANSACTIONS=off: tanpa transaksi, laporan dan kejadiannya tidak lagi ditulis atomik',
      'dan nomor urut kejadian (seq) bisa berlubang atau terlihat tidak berurutan (lihat README.md, section MongoDB).',
      '',
      'The MongoDB server at MONGODB_URI is a standalone server. Suara Warga writes a report and its event in',
      'one transaction, and transactions need a replica set. Run a single-node replica set (commands above) and',
      'add ?replicaSet=rs0 to MONGODB_URI, or set MONGODB_TRANSACTIONS=off: then a report and its event are no',
      'longer written atomically and event seq may have gaps or become visible out of order (see README.md, section MongoDB).',
    ].join('\n'));
    this.name = 'TransactionsUnavailableError';
  }
}
