import { describe, expect, it } from "vitest";
import { readFormWithin } from "@/lib/server/transfer/upload";
import { csvLine, readCsv, writeCsv } from "@/lib/transfer/csv";
import { decodeUtf8, uploadName } from "@/lib/transfer/uploads";

describe("readCsv on csv-parse", () => {
  it("counts a CRLF inside quotes as one line, as the lines of a text editor do", () => {
    expect(readCsv('a\r\n"one\r\ntwo\r\nthree",x\r\nb\r\n').records).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["one\r\ntwo\r\nthree", "x"] },
      { line: 5, cells: ["b"] },
    ]);
  });

  it("keeps a quote inside an unquoted cell, and drops only the white space an unquoted cell ends with", () => {
    expect(readCsv('5" screen,a "b" c\n').records[0].cells).toEqual(['5" screen', 'a "b" c']);
    expect(readCsv(' lead,trail \t," kept "\n').records[0].cells).toEqual([
      " lead",
      "trail",
      " kept ",
    ]);
  });

  it("puts text after a closing quote on the line of that quote, after line breaks inside the field", () => {
    const { records, error } = readCsv('a\n"one\r\ntwo"x,b\n');
    expect(records).toEqual([{ line: 1, cells: ["a"] }]);
    expect(error).toEqual({ line: 3, message: expect.stringContaining("after a closing quote") });
  });

  it("reads blank lines as records of one empty cell, and nothing from an empty text or a BOM alone", () => {
    expect(readCsv("\n\r\nx").records).toEqual([
      { line: 1, cells: [""] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["x"] },
    ]);
    expect(readCsv("")).toEqual({ records: [], error: null });
    expect(readCsv("\uFEFF")).toEqual({ records: [], error: null });
  });
});

describe("writeCsv", () => {
  const rows = [
    ["plain", "a,b", 'say "hi"', "cr\ronly", " edge", ""],
    ["x", "y", "z", "", "", ""],
  ];

  it("writes CRLF by default, every non-empty cell quoted, quotes doubled", () => {
    expect(writeCsv(rows)).toBe(
      '"plain","a,b","say ""hi""","cr\ronly"," edge",\r\n"x","y","z",,,\r\n',
    );
    expect(csvLine(rows[0])).toBe(writeCsv([rows[0]]));
  });

  it("writes LF on request (the dashboards' CSV)", () => {
    expect(writeCsv(rows, { lineEnd: "\n" })).toBe(
      '"plain","a,b","say ""hi""","cr\ronly"," edge",\n"x","y","z",,,\n',
    );
  });

  it("writes nothing for no rows", () => {
    expect(writeCsv([])).toBe("");
  });
});

describe("uploads", () => {
  it("matches a file by its base name, whatever its folder and case", () => {
    expect(uploadName("C:\\exports\\Reviews.CSV ")).toBe("reviews.csv");
    expect(uploadName("backup/program.json")).toBe("program.json");
  });

  it("decodes UTF-8 without its BOM and refuses other bytes", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(decodeUtf8("\uFEFFb")).toBe("b");
    expect(decodeUtf8(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });
});

describe("readFormWithin", () => {
  const form = () => {
    const f = new FormData();
    f.append("mode", "preview");
    f.append("files", new File(["org\nx\n"], "orgs.csv"));
    return f;
  };

  it("reads a form within the limit", async () => {
    const read = await readFormWithin(
      new Request("http://x/", { method: "POST", body: form() }),
      1e6,
    );
    expect(read?.get("mode")).toBe("preview");
    expect((read?.get("files") as File).name).toBe("orgs.csv");
  });

  it("stops reading a body past the limit, with or without a length", async () => {
    const request = new Request("http://x/", { method: "POST", body: form() });
    expect(await readFormWithin(request, 10)).toBeNull();
    const chunked = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: new ReadableStream({
        pull(controller) {
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(await readFormWithin(chunked, 1024 * 1024)).toBeNull();
  });

  it("answers null for a body that is not a form", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: "not a form",
    });
    expect(await readFormWithin(request, 1e6)).toBeNull();
  });
});
