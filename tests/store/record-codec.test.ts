// The codes Redis stores for report kinds and channels are pinned: changing one would relabel
// every record already stored. A new kind or channel adds a line here with the next number.
import { describe, expect, it } from "vitest";
import { REPORT_KIND_TABLE, REPORT_KINDS, kindOfCode } from "../../src/domain/report-kinds.ts";
import { CHANNEL_CODE, decodeRecord, encodeRecord } from "../../src/store/record-codec.ts";

describe("stored codes", () => {
  it("never change for report kinds", () => {
    expect(Object.fromEntries(REPORT_KINDS.map((k) => [k, REPORT_KIND_TABLE[k].code]))).toEqual({
      visitOut: 0,
      visitIn: 1,
      negotiation: 2,
      signing: 3,
      fundsArrived: 4,
      landed: 5,
      started: 6,
      producing: 7,
      registered: 8,
      carryOver: 12,
      talentRecruit: 9,
      talentProject: 10,
      innovationTeam: 11,
    });
  });

  it("never change for channels", () => {
    expect(CHANNEL_CODE).toEqual({ console: 0, wecom: 1, dingtalk: 2 });
  });

  it("are unique", () => {
    const codes = REPORT_KINDS.map((k) => REPORT_KIND_TABLE[k].code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(Object.values(CHANNEL_CODE)).size).toBe(Object.keys(CHANNEL_CODE).length);
  });

  it("decode a record as the first release wrote it", () => {
    // A 开工 from DingTalk, exactly as stored before codes were explicit.
    const stored =
      '[6,2,1773108000000,"3","2026-03-10","功能膜项目",null,null,"新材料",true,"省外",null,null,"开工 功能膜项目","u1","张三","m1"]';
    const record = decodeRecord(12, "p7", stored, null);
    expect(record).toMatchObject({
      id: 12,
      kind: "started",
      channel: "dingtalk",
      projectId: "p7",
      unitId: "3",
      reporterName: "张三",
    });
    expect(record.createdAt).toBe("2026-03-10T02:00:00.000Z");
    const { id: _id, projectId: _p, revoked: _r, ...fresh } = record;
    expect(encodeRecord(fresh)).toBe(stored);
  });

  it("keep a 续建's signing date, and leave it out of every other record", () => {
    const base = decodeRecord(
      1,
      "",
      '[6,0,1773108000000,"3","2026-03-10","功能膜项目",null,null,null,null,null,null,null,"开工","u1",null,"m1"]',
      null,
    );
    const { id: _id, projectId: _p, revoked: _r, ...fresh } = base;
    const carried = { ...fresh, kind: "carryOver" as const, signedOn: "2025-05-12" };
    expect(encodeRecord(carried)).toMatch(/,null,"2025-05-12"\]$/);
    expect(decodeRecord(2, "", encodeRecord(carried), null).signedOn).toBe("2025-05-12");
    expect(encodeRecord(fresh)).not.toContain("2025");
    expect(base.signedOn).toBeNull();
  });

  it("round-trip a 引才 record with its talent fields appended after the others", () => {
    const record = {
      unitId: "3",
      kind: "talentRecruit" as const,
      date: "2026-03-10",
      project: null,
      amountYuan: null,
      amountUsd: null,
      industry: "新材料",
      manufacturing: true,
      source: null,
      place: null,
      counterpart: null,
      text: "引才 3人 博士 新材料 城西镇某企业",
      reporter: "u1",
      reporterName: null,
      channel: "wecom" as const,
      messageId: "m9",
      createdAt: "2026-03-10T02:00:00.000Z",
      headcount: 3,
      level: "博士",
      highLevel: true,
      employer: "城西镇某企业",
    };
    const stored = encodeRecord(record);
    expect(stored).toBe(
      '[9,1,1773108000000,"3","2026-03-10",null,null,null,"新材料",true,null,null,null,"引才 3人 博士 新材料 城西镇某企业","u1",null,"m9",null,null,3,"博士",true,"城西镇某企业"]',
    );
    expect(decodeRecord(5, "", stored, null)).toMatchObject({
      ...record,
      id: 5,
      projectId: null,
      onBehalf: null,
      signedOn: null,
    });
  });

  it("refuse a code no kind has instead of mislabelling the record", () => {
    expect(kindOfCode(99)).toBeUndefined();
    expect(() => decodeRecord(1, "", '[99,0,0,"1","2026-03-10"]', null)).toThrow(/unknown report kind code 99/);
  });

  it("decode every field encode wrote, revocation, supersession and correction included", () => {
    const record = {
      unitId: "7",
      kind: "fundsArrived" as const,
      date: "2026-11-02",
      project: "功能膜项目",
      amountYuan: 30_000_000,
      amountUsd: 5_000_000,
      industry: "新材料",
      manufacturing: false,
      source: "境外" as const,
      place: "上海",
      counterpart: "华谊集团",
      text: "到位 功能膜项目 3000万",
      reporter: "u9",
      reporterName: "李四",
      channel: "wecom" as const,
      messageId: "m42",
      createdAt: "2026-11-02T01:02:03.004Z",
      onBehalf: true,
      // Every field appended since (a real record has the ones of its kind; the codec keeps them all).
      signedOn: "2025-07-01",
      headcount: 3,
      level: "博士",
      highLevel: true,
      employer: "某科技公司",
    };
    const stored = encodeRecord(record);
    expect(decodeRecord(42, "", stored, null)).toEqual({ ...record, id: 42, projectId: null, revoked: false });
    expect(decodeRecord(42, "p3", stored, '{"by":"admin","at":"2026-11-03T00:00:00.000Z","s":43}', "40")).toEqual({
      ...record,
      id: 42,
      projectId: "p3",
      revoked: true,
      supersededBy: 43,
      corrects: 40,
    });
    expect(() => decodeRecord(1, "", '[4,9,0,"1","2026-03-10"]', null)).toThrow(/unknown channel code 9/);
  });
});
