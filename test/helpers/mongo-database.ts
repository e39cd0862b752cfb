// Throwaway MongoDB databases for tests: one per suite or app, dropped afterwards.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

const URI = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/([^?]*))?(\?.*)?$/;
const TEST_MARK = '_test_';

/** The same URI with another database name; hosts, credentials and options are kept. */
export function withDatabaseName(uri: string, name: string): string {
  const match = URI.exec(uri);
  if (!match) throw new Error(`not a MongoDB URI: ${uri}`);
  return `${match[1]}/${name}${match[3] ?? ''}`;
}

/** The database named in the URI, or null when it names none. */
export function databaseName(uri: string): string | null {
  return URI.exec(uri)?.[2] || null;
}

/** A database beside the one MONGODB_URI names: `<name>_test_<suffix>`, random unless given. */
export function uniqueTestDatabaseUri(uri: string, suffix = randomBytes(5).toString('hex')): string {
  const base = (databaseName(uri) ?? 'suara_warga').slice(0, 40);
  return withDatabaseName(uri, `${base}${TEST_MARK}${suffix}`);
}

/** Drops a database made by uniqueTestDatabaseUri; refuses any other, so a test never drops real data. */
export async function dropTestDatabase(uri: string): Promise<void> {
  if (!databaseName(uri)?.includes(TEST_MARK)) throw new Error(`refusing to drop ${databaseName(uri)}: not a test database`);
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
