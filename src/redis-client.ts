// The service's Redis client: ioredis, with every command written during one turn of the event
// loop leaving in a single socket write. Callbacks that arrive together (one poll phase of the
// HTTP server) then reach Redis as one batch instead of one write(2) each, and their answers
// come back together; order and semantics are unchanged (Redis pipelines commands on a
// connection anyway). On a 2-core host this cut server CPU per stored callback by about a
// sixth in bench:wecom. Unlike ioredis' auto-pipelining, nothing is wrapped in a pipeline
// object, which made single commands slower here. Used for a single server and for Sentinel
// (it is the connection to the current master); a Cluster uses ioredis' own node connections.
import type { Socket } from "node:net";
import { Redis } from "ioredis";

type Send = Redis["sendCommand"];

export class CoalescingRedis extends Redis {
  #corked: Socket | null = null;

  override sendCommand(...args: Parameters<Send>): ReturnType<Send> {
    const stream = (this as unknown as { stream?: Socket }).stream;
    if (this.#corked === null && stream?.writable) {
      this.#corked = stream;
      stream.cork();
      // setImmediate runs right after the poll phase: every command issued while handling the
      // I/O of this turn is in the buffer by then.
      setImmediate(() => {
        this.#corked = null;
        stream.uncork();
      });
    }
    return super.sendCommand(...args);
  }
}
