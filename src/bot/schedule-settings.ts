// Schemas shared by schedules' settings: the string an environment variable holds → a value.
import { z } from "zod";

/** "HH:MM", 24-hour China time. */
export const clockSetting = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM, 24-hour China time")
    .default(fallback);

/** An integer within bounds. */
export const intSetting = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** A push destination name (a key of WECOM_WEBHOOKS / DINGTALK_WEBHOOKS…). */
export const destinationSetting = (fallback: string) => z.string().min(1).default(fallback);

/** on/off (also true/false). */
export const switchSetting = (fallback: boolean) =>
  z
    .enum(["on", "off", "true", "false"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "on" || v === "true"));
