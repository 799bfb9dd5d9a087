// nextTurn(): everything that asks during one turn of the event loop resumes together, after
// the turn's synchronous work, and the next turn gets a fresh promise.
import { describe, expect, it } from "vitest";
import { nextTurn } from "../../../src/channels/shared/next-turn.ts";

describe("nextTurn", () => {
  it("shares one promise within a turn and resumes after the turn's synchronous work", async () => {
    const order: string[] = [];
    const a = nextTurn();
    const b = nextTurn();
    expect(a).toBe(b);
    const waiting = Promise.all([a.then(() => order.push("first")), b.then(() => order.push("second"))]);
    order.push("sync");
    await waiting;
    expect(order).toEqual(["sync", "first", "second"]);
  });

  it("gives a new promise once the turn has passed", async () => {
    const a = nextTurn();
    await a;
    const b = nextTurn();
    expect(b).not.toBe(a);
    await b;
  });
});
