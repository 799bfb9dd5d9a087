// The dispatcher the benches and the HA tests drive: every command, the default rules, a silent
// log. One place, so a new rule or dependency is added once.
import { pino } from "pino";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Dispatch } from "../../src/bot/dispatcher.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import type { Store } from "../../src/store/types.ts";

export function createBenchDispatcher(store: Store, now: () => Date = () => new Date()): Dispatch {
  return createDispatcher({
    store,
    commands,
    rules: {
      industries: createIndustryTable(),
      maxAgeDays: 90,
      amountCeiling: 500_000_000_000,
      configAdmins: [],
      queryAccess: "members",
    },
    log: pino({ level: "silent" }),
    now,
  });
}
