/**
 * oidc-provider's storage port, in memory and private to one provider instance. The library's own
 * MemoryAdapter shares one module-level store between every provider in the process (two sandboxes in one
 * test run would see each other's sessions) and prints a "development only" warning at each start; this one
 * does neither. Nothing here is persisted: a restarted sandbox provider has forgotten every token, which is
 * what a revoked grant looks like to the assistant.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  /** Epoch milliseconds; undefined = no expiry. */
  readonly expiresAt: number | undefined;
}

type Shared = Map<string, Entry>;

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly entries: Shared,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private live(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined;
    this.entries.set(this.key(id), { payload, expiresAt });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.live(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const [key] of this.entries) {
      if (!key.startsWith(`${this.model}:`)) continue;
      const payload = this.live(key);
      if (payload?.uid === uid) return payload;
    }
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const [key] of this.entries) {
      if (!key.startsWith(`${this.model}:`)) continue;
      const payload = this.live(key);
      if (payload?.userCode === userCode) return payload;
    }
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.live(this.key(id));
    // A consumed authorization code stays stored so that its replay is detected (and its grant revoked).
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    // Every model shares the map, so one pass removes the grant's codes, access and refresh tokens alike.
    for (const [key, entry] of this.entries) if (entry.payload.grantId === grantId) this.entries.delete(key);
  }
}

/** A factory for `Configuration.adapter`: one shared map per provider, one adapter per model name. */
export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const entries: Shared = new Map();
  return (model) => new MemoryAdapter(model, entries);
}
