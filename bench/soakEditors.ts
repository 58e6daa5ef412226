// Load generator for bench/soak: N editors on one map in their own process, each editing every 0.5–1.5 s until the
// deadline. Usage: node soakEditors.js <url> <mapId> <token> <seconds>; prints {"edits": n, "reconnects": n,
// "ackMsP50"…"ackMsMax"} on stdout. Only connects to the loopback address it is given.
import { performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { applyMapOperations, docToSnapshot } from "@opencjm/core";

const EDITORS = Number(process.env.BENCH_SOAK_EDITORS ?? 50);
const [url, mapId, token, seconds] = process.argv.slice(2) as [string, string, string, string];
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error("soak editors only connect to 127.0.0.1");
const deadline = performance.now() + Number(seconds) * 1000;

interface Editor {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

let reconnects = 0;

function connect(): Promise<Editor> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, "ws")}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  socket.on("disconnect", () => void reconnects++);
  return new Promise((resolve, reject) => {
    const provider: HocuspocusProvider = new HocuspocusProvider({
      websocketProvider: socket,
      name: mapId,
      document: doc,
      token,
      onAuthenticationFailed: () => reject(new Error("authentication failed")),
      onSynced: () => resolve({ doc, provider, destroy: () => (provider.destroy(), socket.destroy()) }),
    });
    provider.attach();
  });
}

function acknowledged(provider: HocuspocusProvider): Promise<void> {
  return new Promise((done) => {
    if (!provider.hasUnsyncedChanges) return done();
    const check = ({ number }: { number: number }) => number === 0 && (provider.off("unsyncedChanges", check), done());
    provider.on("unsyncedChanges", check);
  });
}

const editors: Editor[] = [];
for (let i = 0; i < EDITORS; i++) editors.push(await connect());
const snapshot = docToSnapshot(editors[0]!.doc);
const lane = snapshot.lanes.find((l) => l.type === "actions")!;
const acks: number[] = [];
let edits = 0;
await Promise.all(
  editors.map(async (editor, i) => {
    const cards: string[] = [];
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
      const step = snapshot.steps[(i + edits) % snapshot.steps.length]!;
      const started = performance.now();
      // Keep the map from growing without end: each editor keeps at most 20 cards of its own, like someone typing
      // and tidying up.
      if (cards.length >= 20) applyMapOperations(editor.doc, [{ op: "removeCard", cardId: cards.shift()! }]);
      else {
        const before = new Set(editor.doc.getMap("cards").keys());
        applyMapOperations(editor.doc, [
          {
            op: "addCard",
            laneId: lane.id,
            stepId: step.id,
            card: { kind: "action", text: `editor ${i} edit ${edits}` },
          },
        ]);
        cards.push(...[...editor.doc.getMap("cards").keys()].filter((k) => !before.has(k)));
      }
      edits++;
      await acknowledged(editor.provider);
      acks.push(performance.now() - started);
    }
  }),
);
for (const editor of editors) editor.destroy();
// Percentiles here rather than every acknowledgement on the pipe (tens of thousands of numbers); exit only once the
// line has been written, or the parent reads a cut-off line.
const sorted = acks.sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
process.stdout.write(
  JSON.stringify({
    edits,
    reconnects,
    ackMsP50: at(50),
    ackMsP95: at(95),
    ackMsP99: at(99),
    ackMsMax: sorted.at(-1) ?? NaN,
  }),
  () => process.exit(0),
);
