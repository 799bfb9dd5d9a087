// Every cron job, one file each (see README.md).
import type { Schedule } from "../src/bot/schedule.ts";
import laggardReminder from "./laggard-reminder.ts";
import weeklyDigest from "./weekly-digest.ts";

export const schedules: readonly Schedule[] = [weeklyDigest, laggardReminder];
