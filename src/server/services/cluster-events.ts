/**
 * Events between the server instances that share one database (decision 0901): PostgreSQL
 * LISTEN/NOTIFY on one channel. A message names a topic and a key ("session" + token hash,
 * "approach-access" + approach id, "panel-run-cancel" + run id). Every instance hears its own
 * messages too, so a change is handled by the same code wherever it was made; on PGlite (one
 * process) the same code runs on PGlite's own LISTEN/NOTIFY.
 *
 * While the listening connection is down, messages may be missed: `isLive()` is false, and every
 * subscriber is told `null` ("anything may have changed") when it is lost and again when it is
 * back, so caches are emptied and not filled until then.
 */
import type { Database, DatabaseHandle } from '../../db/client.ts';
import { notify } from '../../db/notifications.repository.ts';

export const CLUSTER_CHANNEL = 'wijkkompas_events';

export type ClusterTopic = 'session' | 'approach-access' | 'panel-run-cancel';

/** A key too long for NOTIFY's 8000-byte payload is never needed: ids and hashes are short. */
const MAX_KEY_LENGTH = 200;

export interface ClusterEvents {
  /** Sends to every instance (this one included); given a transaction's `db`, at its commit. */
  publish: (topic: ClusterTopic, key: string, db?: Database) => Promise<void>;
  /** `handler(null)`: messages may have been missed (connection lost or back); drop what you keep. */
  subscribe: (topic: ClusterTopic, handler: (key: string | null) => void) => () => void;
  /** Whether messages of other instances are heard now (caches may keep entries only then). */
  isLive: () => boolean;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

export function createClusterEvents(database: Pick<DatabaseHandle, 'listen' | 'db'>): ClusterEvents {
  const handlers = new Map<ClusterTopic, Set<(key: string | null) => void>>();
  let live = false;
  let stopListening: (() => Promise<void>) | undefined;

  const deliver = (topic: ClusterTopic, key: string | null) => {
    for (const handler of handlers.get(topic) ?? []) handler(key);
  };
  const deliverToAll = () => {
    for (const topic of handlers.keys()) deliver(topic, null);
  };

  return {
    async publish(topic, key, db) {
      if (key.length > MAX_KEY_LENGTH) throw new Error(`cluster event key too long (${topic})`);
      await notify(db ?? database.db, CLUSTER_CHANNEL, JSON.stringify({ topic, key }));
    },

    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) handlers.set(topic, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },

    isLive: () => live,

    async start() {
      if (stopListening) return;
      stopListening = await database.listen(
        CLUSTER_CHANNEL,
        (payload) => {
          let message: { topic?: unknown; key?: unknown };
          try {
            message = JSON.parse(payload) as typeof message;
          } catch {
            return;
          }
          if (typeof message.topic === 'string' && typeof message.key === 'string')
            deliver(message.topic as ClusterTopic, message.key);
        },
        (isListening) => {
          live = isListening;
          deliverToAll();
        },
      );
    },

    async stop() {
      live = false;
      const stop = stopListening;
      stopListening = undefined;
      await stop?.();
      deliverToAll();
    },
  };
}
