// A loopback stand-in for oapi.dingtalk.com: sessionWebhook replies and custom-robot
// robot/send, with the signature check, the 20/min limit and the 10-minute throttle of
// protocol §3.3–§3.6. The signature is recomputed here with node:crypto directly, not with the
// code under test.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RobotPost {
  token: string;
  body: Record<string, any>;
}

export interface FakeOapi {
  base: string;
  sessionUrl(session: string): string;
  /** Accepted sessionWebhook posts. */
  sessionPosts: Array<{ session: string; body: Record<string, any> }>;
  /** Answers for the next sessionWebhook posts (default: errcode 0). */
  sessionAnswers: Array<{ status: number; body: unknown }>;
  /** Robots by access token; secret = 加签 secret. */
  robots: Map<string, { secret?: string }>;
  /** Accepted robot/send posts. */
  robotPosts: RobotPost[];
  /** Every robot/send answer, in order: errcodes as the robot saw them. */
  robotErrcodes: number[];
  /** Answers forced on the next robot/send posts that pass the signature check. */
  robotAnswers: Array<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

export async function startFakeOapi(clock: () => number): Promise<FakeOapi> {
  const sent = new Map<string, number[]>();
  const throttledUntil = new Map<string, number>();
  const fake = {
    sessionPosts: [],
    sessionAnswers: [],
    robots: new Map(),
    robotPosts: [],
    robotErrcodes: [],
    robotAnswers: [],
  } as unknown as FakeOapi;

  const robotSend = (url: URL, raw: string): { status: number; body: { errcode: number | string; errmsg: string } } => {
    const token = url.searchParams.get("access_token") ?? "";
    const robot = fake.robots.get(token);
    if (!robot) return { status: 200, body: { errcode: 400101, errmsg: "access_token does not exist" } };
    const now = clock();
    if (robot.secret) {
      const timestamp = url.searchParams.get("timestamp") ?? "";
      // searchParams decodes the URL-encoded sign once, as DingTalk does.
      const sign = url.searchParams.get("sign") ?? "";
      if (!timestamp || Math.abs(now - Number(timestamp)) > 3_600_000)
        return { status: 200, body: { errcode: 310000, errmsg: "invalid timestamp" } };
      const expected = createHmac("sha256", robot.secret).update(`${timestamp}\n${robot.secret}`).digest("base64");
      if (sign !== expected) return { status: 200, body: { errcode: 310000, errmsg: "sign not match" } };
    }
    if (Buffer.byteLength(raw) > 20_000)
      return { status: 200, body: { errcode: 460101, errmsg: "message too long, exceed 20000 bytes" } };
    const forced = fake.robotAnswers.shift();
    if (forced) return forced as { status: number; body: { errcode: number; errmsg: string } };
    if ((throttledUntil.get(token) ?? 0) > now)
      return { status: 200, body: { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" } };
    const recent = (sent.get(token) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= 20) {
      throttledUntil.set(token, now + 600_000);
      return { status: 200, body: { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" } };
    }
    sent.set(token, [...recent, now]);
    fake.robotPosts.push({ token, body: JSON.parse(raw) as Record<string, any> });
    return { status: 200, body: { errcode: 0, errmsg: "ok" } };
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    let answer: { status: number; body: unknown };
    if (url.pathname === "/robot/sendBySession") {
      answer = fake.sessionAnswers.shift() ?? { status: 200, body: { errcode: 0, errmsg: "ok" } };
      if (answer.status === 200)
        fake.sessionPosts.push({
          session: url.searchParams.get("session") ?? "",
          body: JSON.parse(raw) as Record<string, any>,
        });
    } else if (url.pathname === "/robot/send") {
      answer = robotSend(url, raw);
      const body = answer.body as { errcode?: number | string };
      fake.robotErrcodes.push(Number(body.errcode ?? NaN));
    } else {
      answer = { status: 404, body: { errcode: 404, errmsg: "not found" } };
    }
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  fake.base = `http://127.0.0.1:${port}`;
  fake.sessionUrl = (session) => `${fake.base}/robot/sendBySession?session=${session}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
