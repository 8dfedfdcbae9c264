import { EventEmitter } from "node:events";

// New messages, announced inside this process so open "Beskeder" streams
// (routes/beskeder_.live.ts) update at once. One server process serves a
// municipality (SQLite); the streams also look every half minute, which
// catches anything written elsewhere (scripts, a second process).
const bus = new EventEmitter();
bus.setMaxListeners(0);

export function announceMessage(threadId: number): void {
  bus.emit("message", threadId);
}

export function onMessage(listener: (threadId: number) => void): () => void {
  bus.on("message", listener);
  return () => bus.off("message", listener);
}
