// Every cron job, one file each (see README.md).
import type { Schedule } from "../src/bot/schedule.ts";
import laggardReminder from "./laggard-reminder.ts";
import monthlyBulletin from "./monthly-bulletin.ts";
import quarterlyBulletin from "./quarterly-bulletin.ts";
import weeklyDigest from "./weekly-digest.ts";

export const schedules: readonly Schedule[] = [weeklyDigest, laggardReminder, monthlyBulletin, quarterlyBulletin];
