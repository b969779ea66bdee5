// A local HTTP server standing in for Jira's REST API: it keeps every request (method, path,
// authorization, JSON body) and answers 201 with a comment id, or, when told, fails the next
// requests with a status. Tests point JIRA_BASE_URL at it (JIRA_ALLOW_HOSTS=127.0.0.1).
import http from "node:http";
import type { AddressInfo } from "node:net";

type JiraRequest = {
  method: string;
  path: string;
  authorization: string;
  body: unknown;
  status: number;
};

type JiraStandIn = {
  url: string;
  requests: () => JiraRequest[];
  failNext: (count: number, status: number) => void;
  clear: () => void;
  close: () => Promise<void>;
};

export async function startJiraStandIn(): Promise<JiraStandIn> {
  const requests: JiraRequest[] = [];
  let failures: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      const status = failures.length ? failures.shift()! : 201;
      requests.push({
        method: req.method ?? "",
        path: new URL(req.url ?? "/", "http://jira").pathname,
        authorization: req.headers.authorization ?? "",
        body,
        status,
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        status === 201
          ? JSON.stringify({ id: String(requests.length) })
          : JSON.stringify({ errorMessages: ["stand-in failure"] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...requests],
    failNext: (count, status) => {
      failures = [...failures, ...Array.from({ length: count }, () => status)];
    },
    clear: () => {
      requests.length = 0;
      failures = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
