/** The engine's store for DATABASE_URL: SQLite or PostgreSQL (engine-store.ts). */
import { databaseUrl, providerOf } from '../../db/database-url';
import type { EngineStore } from './engine-store';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';

/** The store for DATABASE_URL (one per URL and process). */
export function engineStore(url = databaseUrl()): EngineStore {
  const stores = (globalForStore.signoffEngineStores ??= new Map());
  let store = stores.get(url);
  if (!store) {
    store = providerOf(url) === 'postgresql' ? new PostgresStore(url) : new SqliteStore(url);
    stores.set(url, store);
  }
  return store;
}

const globalForStore = globalThis as unknown as { signoffEngineStores?: Map<string, EngineStore> };

/** Forgets the stores (tests and the bench switch databases; the connections are closed by closeSqlite/closePgPools). */
export function forgetEngineStores(): void {
  globalForStore.signoffEngineStores?.clear();
}
