// Load generator for bench/collabLatency: runs in its own process so the editors' CPU does not slow the server.
// Usage: node collabClients.js <url>[,<url>…] <mapId> <token>; editors (and observers) are dealt over the URLs in turn
// (several server instances); prints {"latencies": [...], "seconds": n} on stdout.
import { performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { applyMapOperations, docToSnapshot } from "@opencjm/core";

const EDITORS = Number(process.env.BENCH_EDITORS ?? 100);
const EDITS_PER_EDITOR = Number(process.env.BENCH_EDITS ?? 10);
/** Each editor makes one edit every 0.5–1.5 s, like people working on a map together. */
const PAUSE_MS = [500, 1500] as const;
const OBSERVERS = 5;

interface Target {
  url: string;
  mapId: string;
  token: string;
}

function connect(
  url: string,
  name: string,
  token: string,
): Promise<{ doc: Y.Doc; destroy(): void; flushed(): Promise<void> }> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, "ws")}/collab/${encodeURIComponent(name)}`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  return new Promise((resolve, reject) => {
    const provider: HocuspocusProvider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token,
      onAuthenticationFailed: () => reject(new Error("authentication failed")),
      onSynced: () =>
        resolve({
          doc,
          destroy: () => {
            provider.destroy();
            socket.destroy();
          },
          flushed: () =>
            new Promise<void>((done) => {
              if (!provider.hasUnsyncedChanges) return done();
              const check = ({ number }: { number: number }) =>
                number === 0 && (provider.off("unsyncedChanges", check), done());
              provider.on("unsyncedChanges", check);
            }),
        }),
    });
    provider.attach();
  });
}

/** Runs the editing load against a target and returns edit-to-observer latencies in ms. */
async function measure(target: Target): Promise<{ latencies: number[]; seconds: number }> {
  const clients = await Promise.all(
    Array.from({ length: EDITORS }, (_, i) => {
      const urls = target.url.split(",");
      return connect(urls[i % urls.length]!, target.mapId, target.token);
    }),
  );
  const snapshot = docToSnapshot(clients[0]!.doc);
  const lane = snapshot.lanes.find((l) => l.type === "actions")!;
  const steps = snapshot.steps;
  const latencies: number[] = [];
  const expected = (EDITORS - 1) * EDITS_PER_EDITOR;
  const observers = clients.slice(0, OBSERVERS);
  const done = observers.map(
    (observer, index) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        observer.doc.getMap("cards").observe((event) => {
          const now = performance.now();
          for (const key of event.keysChanged) {
            const card = observer.doc.getMap<Y.Map<unknown>>("cards").get(key);
            const text = String(card?.get("text") ?? "");
            const [from, sentAt] = text.split("@");
            if (Number(from) === index || !sentAt) continue;
            latencies.push(now - Number(sentAt));
            if (++seen === expected) resolve();
          }
        });
      }),
  );
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, i) => {
      for (let e = 0; e < EDITS_PER_EDITOR; e++) {
        await new Promise((r) => setTimeout(r, PAUSE_MS[0] + Math.random() * (PAUSE_MS[1] - PAUSE_MS[0])));
        applyMapOperations(client.doc, [
          {
            op: "addCard",
            laneId: lane.id,
            stepId: steps[(i + e) % steps.length]!.id,
            card: { kind: "action", text: `${i}@${performance.now()}` },
          },
        ]);
      }
      await client.flushed();
    }),
  );
  await Promise.all(done);
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.destroy();
  return { latencies, seconds };
}

const [url, mapId, token] = process.argv.slice(2) as [string, string, string];
const result = await measure({ url, mapId, token });
process.stdout.write(JSON.stringify(result));
process.exit(0);
