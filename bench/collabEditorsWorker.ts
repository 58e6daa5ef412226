// One worker process of bench/collabLatency: a share of the 100 editors, so no single process saturates a core and
// the figures measure the server, not the clients. Most editors are thin protocol clients: they speak the Hocuspocus
// framing of the y-protocols sync and awareness messages over a bare WebSocket, build their own edits on a private copy
// of the map and never apply what others send — an arrival is found by scanning the raw update for the marker the
// sender put in its card's text. A few are full clients (HocuspocusProvider with a Y.Doc that applies everything).
// Timestamps come from the monotonic clock (process.hrtime), which every process on the machine shares.
// Protocol with the parent (IPC): parent sends a WorkerPlan; worker answers "ready" once every editor has its card;
// parent sends {startAtNs}; worker answers with its WorkerReport and exits.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { applyMapOperations, docToSnapshot } from "@opencjm/core";

/** What the parent asks of one worker. */
export interface WorkerPlan {
  urls: string[];
  mapId: string;
  token: string;
  /** Global index of this worker's first editor (editor ids are unique across workers). */
  firstEditor: number;
  thin: number;
  full: number;
  /** Editors in the whole run, and edits each makes: how many arrivals each editor waits for. */
  totalEditors: number;
  edits: number;
  intervalMs: number;
}

/** What one worker measured: edit-to-arrival latencies in ms, and arrivals that never came. */
export interface WorkerReport {
  thinLatencies: number[];
  fullLatencies: number[];
  missing: number;
}

const MARKER = Buffer.from("BENCH");
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Every (editor, sentAtUs) marker in a Yjs update's bytes (V1 updates carry strings as plain UTF-8). */
function markersIn(bytes: Uint8Array): Array<{ editor: number; sentUs: number }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Array<{ editor: number; sentUs: number }> = [];
  for (let at = buf.indexOf(MARKER); at >= 0; at = buf.indexOf(MARKER, at + 1)) {
    const match = /^BENCH(\d+)@(\d+)!/.exec(buf.toString("latin1", at, at + 40));
    if (match) found.push({ editor: Number(match[1]), sentUs: Number(match[2]) });
  }
  return found;
}

// Hocuspocus framing: varString document name, varUint message type, then the payload.
function writeVarUint(out: number[], n: number): void {
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}
function writeBytes(out: number[], bytes: Uint8Array): void {
  writeVarUint(out, bytes.length);
  for (const b of bytes) out.push(b);
}
function frame(documentName: string, type: number, ...fields: Array<number | Uint8Array>): Uint8Array {
  const out: number[] = [];
  writeBytes(out, Buffer.from(documentName));
  writeVarUint(out, type);
  for (const field of fields) {
    if (typeof field === "number") writeVarUint(out, field);
    else writeBytes(out, field);
  }
  return Uint8Array.from(out);
}
class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  varUint(): number {
    let n = 0;
    for (let shift = 1; ; shift *= 128) {
      const b = this.bytes[this.at++]!;
      n += (b & 0x7f) * shift;
      if (b < 0x80) return n;
    }
  }
  bytesField(): Uint8Array {
    const length = this.varUint();
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at);
  }
}
const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncStatus: 8 } as const;
const SYNC = { step1: 0, step2: 1, update: 2 } as const;

interface Editor {
  /** Makes the next edit (its card's text carries the marker). */
  edit(): void;
  /** Arrivals of the others' edits so far. */
  seen(): number;
  close(): void;
}

/** Adds this editor's own card and returns a way to change its text. */
function ownCard(doc: Y.Doc, editor: number): (text: string) => void {
  const snapshot = docToSnapshot(doc);
  const lane = snapshot.lanes.find((l) => l.type === "actions")!;
  const step = snapshot.steps[editor % snapshot.steps.length]!;
  const [{ id }] = applyMapOperations(doc, [
    { op: "addCard", laneId: lane.id, stepId: step.id, card: { kind: "action", text: `editor ${editor}` } },
  ]) as [{ id: string }];
  return (text) => applyMapOperations(doc, [{ op: "updateCard", cardId: id, fields: { text } }]);
}

/** A thin editor: bare WebSocket, hand-framed messages, a private map copy it edits but never merges into. */
function thinEditor(url: string, plan: WorkerPlan, editor: number, latencies: number[]): Promise<Editor> {
  const name = plan.mapId;
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/collab/${encodeURIComponent(name)}`);
  ws.binaryType = "nodebuffer";
  const doc = new Y.Doc();
  let seen = 0;
  let acknowledged = 0;
  let setText: ((text: string) => void) | undefined;
  return new Promise((resolve, reject) => {
    ws.on("error", reject);
    ws.on("open", () => ws.send(frame(name, MESSAGE.auth, 0, Buffer.from(plan.token))));
    ws.on("message", (data: Buffer) => {
      const arrivedUs = nowUs();
      const reader = new Reader(data);
      reader.bytesField();
      const type = reader.varUint();
      if (type === MESSAGE.auth) {
        // As the provider does: ask for the map only once authenticated (the server bounds what comes before).
        if (reader.varUint() === 2) ws.send(frame(name, MESSAGE.sync, SYNC.step1, Y.encodeStateVector(doc)));
        else reject(new Error("authentication failed"));
      }
      if (type === MESSAGE.syncStatus && ++acknowledged === 1)
        // The server stored this editor's card: ready to edit.
        resolve({
          edit: () => setText!(`BENCH${editor}@${nowUs()}!`),
          seen: () => seen,
          close: () => ws.terminate(),
        });
      if (type !== MESSAGE.sync) return;
      const kind = reader.varUint();
      const update = reader.bytesField();
      if (kind === SYNC.step2 && !setText) {
        Y.applyUpdate(doc, update);
        const sendOwn = (u: Uint8Array) => ws.send(frame(name, MESSAGE.sync, SYNC.update, u));
        doc.on("update", sendOwn);
        setText = ownCard(doc, editor);
        // One presence message, as an editor opening the map sends (awareness: count, client, clock, state).
        const state = Buffer.from(JSON.stringify({ user: { name: `editor ${editor}` } }));
        const awareness: number[] = [];
        writeVarUint(awareness, 1);
        writeVarUint(awareness, doc.clientID);
        writeVarUint(awareness, 1);
        writeBytes(awareness, state);
        ws.send(frame(name, MESSAGE.awareness, Uint8Array.from(awareness)));
      }
      if (kind === SYNC.update) {
        for (const marker of markersIn(update)) {
          if (marker.editor === editor) continue;
          seen++;
          latencies.push((arrivedUs - marker.sentUs) / 1000);
        }
      }
    });
  });
}

/** `ws` reports a socket closed while connecting as an 'error' event; the provider only listens for close. */
class QuietWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on("error", () => undefined);
  }
}

/** A full editor: the provider the web app uses, applying every update to its Y.Doc. */
function fullEditor(url: string, plan: WorkerPlan, editor: number, latencies: number[]): Promise<Editor> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, "ws")}/collab/${encodeURIComponent(plan.mapId)}`,
    WebSocketPolyfill: QuietWebSocket as unknown as typeof globalThis.WebSocket,
  });
  let seen = 0;
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    const arrivedUs = nowUs();
    for (const marker of markersIn(update)) {
      if (marker.editor === editor) continue;
      seen++;
      latencies.push((arrivedUs - marker.sentUs) / 1000);
    }
  });
  const provider: HocuspocusProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: plan.mapId,
    document: doc,
    token: plan.token,
  });
  return new Promise((resolve, reject) => {
    provider.on("authenticationFailed", () => reject(new Error("authentication failed")));
    provider.on("synced", () => {
      const setText = ownCard(doc, editor);
      const acknowledged = ({ number }: { number: number }) => {
        if (number !== 0) return;
        provider.off("unsyncedChanges", acknowledged);
        resolve({
          edit: () => setText(`BENCH${editor}@${nowUs()}!`),
          seen: () => seen,
          close: () => (provider.destroy(), socket.destroy()),
        });
      };
      provider.on("unsyncedChanges", acknowledged);
    });
    provider.attach();
  });
}

async function run(plan: WorkerPlan): Promise<void> {
  const thinLatencies: number[] = [];
  const fullLatencies: number[] = [];
  // Editors join ten at a time, as people open a map: the server bounds how many sockets wait to authenticate.
  const editors: Editor[] = [];
  for (let i = 0; i < plan.thin + plan.full; i += 10) {
    const batch = Array.from({ length: Math.min(10, plan.thin + plan.full - i) }, (_, j) => {
      const editor = plan.firstEditor + i + j;
      const url = plan.urls[editor % plan.urls.length]!;
      return i + j < plan.full
        ? fullEditor(url, plan, editor, fullLatencies)
        : thinEditor(url, plan, editor, thinLatencies);
    });
    editors.push(...(await Promise.all(batch)));
  }
  process.send!("ready");
  const { startAtNs } = await new Promise<{ startAtNs: string }>((r) => process.once("message", r));
  const startAt = Number(BigInt(startAtNs) / 1000n);
  // Each editor edits once per interval at its own phase, like people working on a map together.
  await Promise.all(
    editors.map(async (editor) => {
      const phase = Math.random() * plan.intervalMs;
      for (let e = 0; e < plan.edits; e++) {
        const dueUs = startAt + (phase + e * plan.intervalMs) * 1000;
        await new Promise((r) => setTimeout(r, Math.max(0, (dueUs - nowUs()) / 1000)));
        editor.edit();
      }
    }),
  );
  // Wait for the last arrivals (each editor expects every other editor's edits), at most 10 s.
  const expected = (plan.totalEditors - 1) * plan.edits;
  const deadline = Date.now() + 10_000;
  while (editors.some((e) => e.seen() < expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const missing = editors.reduce((sum, e) => sum + Math.max(0, expected - e.seen()), 0);
  for (const editor of editors) editor.close();
  const report: WorkerReport = { thinLatencies, fullLatencies, missing };
  process.send!(report, undefined, {}, () => process.exit(0));
}

// The benchmark stopped (or failed): no editor outlives it.
process.on("disconnect", () => process.exit(0));
process.once("message", (plan: WorkerPlan) => {
  run(plan).catch((err: Error) => {
    console.error(err);
    process.exit(1);
  });
});
