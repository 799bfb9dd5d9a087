import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";
import { CHINA_HOLIDAYS } from "../../src/domain/holidays.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot({ now: "2026-12-01T10:00:00+08:00" });
});
afterEach(async () => bot.close());

describe("节假日: the admin's holiday calendar, stored in Redis", () => {
  it("shows a year, with the provisional note while 2027 has no 调休", async () => {
    const said = await bot.say("节假日 2027", { from: "admin" });
    expect(said.ok).toBe(true);
    expect(said.text).toContain("2027年节假日安排");
    expect(said.text).toContain("· 春节 2月5日–2月8日（4天）");
    expect(said.text).toContain("调休上班：无");
    expect(said.text).toContain("暂按法定节日排列");
  });

  it("adds 2027's 调休 and days off; the schedules' calendar sees them at once", async () => {
    const before = await bot.store.holidays.calendar(CHINA_HOLIDAYS);
    expect(before.isWorkday("2027-02-07")).toBe(false); // a Sunday
    expect(before.isWorkday("2027-02-10")).toBe(true);

    const work = await bot.say("节假日 2027 调休 2027-02-07 2027-02-20", { from: "admin" });
    expect(work.text).toContain("已把 2 天设为调休上班");
    expect(work.text).toContain("调休上班：2月7日（周日）、2月20日（周六）");
    expect(work.text).not.toContain("暂按法定节日排列");
    const off = await bot.say("节假日 2027 放假 春节 2027-02-08..2027-02-11", { from: "admin" });
    expect(off.text).toContain("· 春节 2月5日–2月6日（2天）、2月8日–2月11日（4天）");
    expect(off.text).toContain("其中 6 天由管理员调整");

    // Another replica (a second connection) reads the same calendar.
    const other = await createTestBot({ org: bot.org });
    try {
      const after = await other.store.holidays.calendar(CHINA_HOLIDAYS);
      expect(after.isWorkday("2027-02-07")).toBe(true);
      expect(after.isWorkday("2027-02-10")).toBe(false);
      expect(after.holidayName("2027-02-10")).toBe("春节");
      expect(after.previousWorkday("2027-02-11")).toBe("2027-02-07");
    } finally {
      await other.close();
    }
  });

  it("takes a change back with 删除, down to the built-in table's own days", async () => {
    await bot.say("节假日 2027 调休 2027-02-20", { from: "admin" });
    const said = await bot.say("节假日 2027 删除 2027-02-20 2027-02-05", { from: "admin" });
    expect(said.text).toContain("调休上班：无");
    const calendar = await bot.store.holidays.calendar(CHINA_HOLIDAYS);
    expect(calendar.isWorkday("2027-02-20")).toBe(false); // a Saturday again
    expect(calendar.isWorkday("2027-02-05")).toBe(true); // built-in 除夕 made an ordinary Friday
    expect(said.text).toContain("· 春节 2月6日–2月8日（3天）");
  });

  it("explains mistakes with a correct example and stores nothing", async () => {
    const weekday = await bot.say("节假日 2027 调休 2027-02-10", { from: "admin" });
    expect(weekday.ok).toBe(false);
    expect(weekday.text).toContain("2027-02-10 本来就是工作日");
    expect(weekday.text).toContain("示例：节假日 2027 调休");
    const wrongYear = await bot.say("节假日 2027 放假 2026-10-01", { from: "admin" });
    expect(wrongYear.text).toContain("2026-10-01 不在 2027 年");
    const badDate = await bot.say("节假日 2027 放假 2027-02-30", { from: "admin" });
    expect(badDate.text).toContain("看不懂日期「2027-02-30」");
    const noAction = await bot.say("节假日 2027 加班 2027-02-07", { from: "admin" });
    expect(noAction.text).toContain("不是可用的操作");
    expect(await bot.store.holidays.overrides()).toEqual({});
  });

  it("is for admins only", async () => {
    const said = await bot.say("节假日 2027 调休 2027-02-07", { from: "u9" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("只有管理员");
    expect(await bot.store.holidays.overrides()).toEqual({});
  });
});
