// A unit (单位): a township, street, the development zone or a county department that reports.
import type { Targets } from "./targets.ts";

export interface Unit {
  id: string;
  name: string;
  aliases: string[];
  targets: Targets;
  /** A retired unit (merged, dissolved): its records stay, it leaves the ranking and reporting. */
  inactive?: boolean;
}
