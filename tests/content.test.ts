import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { renderMarkdown } from "~/content/markdown.server";
import * as list from "~/routes/viden";
import * as articlePage from "~/routes/viden_.$id";
import * as captionsFile from "~/routes/viden_.$id_.undertekster[.]vtt";
import * as videoFile from "~/routes/viden_.$id_.video";
import * as newArticle from "~/routes/viden_.ny";

import { db } from "../db/client.server";
import { createUser } from "./factories";
import { BASE, get, run, sessionCookie } from "./http";

const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, ...Array.from({ length: 1000 }, (_, i) => i % 256)]);
const VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHej og velkommen.\n";

function multipart(fields: Record<string, string>, files: Record<string, File> = {}, cookie?: string): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, f] of Object.entries(files)) body.append(k, f);
  return new Request(`${BASE}/viden/ny`, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

const videoFields = {
  kind: "video",
  title: "Sådan går en samtale",
  summary: "En kort video om jobsamtalen.",
  body: "Se videoen og læs **tips** nedenfor.",
  tags: "Samtale, Tips",
  audience: "flexjobbers",
  status: "published",
};

describe("Markdown", () => {
  it("renders <script>, javascript: links and onerror= harmless, and links get rel=noopener", () => {
    const html = renderMarkdown(
      [
        "# Overskrift",
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1)) og [jobnet](https://www.jobnet.dk)",
        "![billede](javascript:alert(2))",
      ].join("\n\n"),
    );
    expect(html).toContain("<h1>Overskrift</h1>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/src="javascript:/i);
    expect(html).toContain('<a rel="noopener noreferrer" href="https://www.jobnet.dk">jobnet</a>');
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("articles and videos", () => {
  it("stores a video with captions, streams it with range requests, and counts readers once", async () => {
    const staff = await createUser(db, { role: "staff" });
    const staffCookie = await sessionCookie(staff.id);
    const res = await run(
      newArticle.action,
      multipart(videoFields, { video: new File([MP4], "klip.mp4", { type: "video/mp4" }), captions: new File([VTT], "klip.vtt", { type: "text/vtt" }) }, staffCookie),
    );
    expect(res.status).toBe(302);
    const article = await db.selectFrom("articles").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(article).toMatchObject({ kind: "video", videoType: "video/mp4", tags: '["samtale","tips"]' });
    expect(article.videoFile).toMatch(/^[0-9a-f]{24}$/);

    const reader = await createUser(db, { role: "flexjobber" });
    const cookie = await sessionCookie(reader.id);
    const params = { id: String(article.id) };
    const range = await run(videoFile.loader, new Request(`${BASE}/viden/${article.id}/video`, { headers: { Cookie: cookie, Range: "bytes=4-11" } }), params);
    expect(range.status).toBe(206);
    expect(range.headers.get("Content-Range")).toBe(`bytes 4-11/${MP4.length}`);
    expect(Buffer.from(await range.arrayBuffer()).toString("latin1")).toBe("ftypmp42");
    const whole = await run(videoFile.loader, get(`/viden/${article.id}/video`, cookie), params);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(MP4.length);
    expect(await (await run(captionsFile.loader, get(`/viden/${article.id}/undertekster.vtt`, cookie), params)).text()).toBe(VTT);

    for (let i = 0; i < 2; i++) expect((await run(articlePage.loader, get(`/viden/${article.id}`, cookie), params)).status).toBe(200);
    const staffView = (await (await run(articlePage.loader, get(`/viden/${article.id}`, staffCookie), params)).json()) as { staff: { reads: number } };
    expect(staffView.staff.reads).toBe(1);

    const tagged = (await (await run(list.loader, get("/viden?emne=samtale", cookie))).json()) as { items: { id: number }[] };
    expect(tagged.items.map((i) => i.id)).toEqual([article.id]);
    const other = (await (await run(list.loader, get("/viden?emne=cv", cookie))).json()) as { items: unknown[] };
    expect(other.items).toEqual([]);
    // Companies are not the audience: not listed, not readable.
    const company = await createUser(db, { role: "company" });
    expect((await run(articlePage.loader, get(`/viden/${article.id}`, await sessionCookie(company.id)), params)).status).toBe(404);
  });

  it("refuses a fake video, a caption file that is not WebVTT, and a video with neither captions nor transcript", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const before = (
      await db
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
    const cases: [Record<string, File>, string, RegExp][] = [
      [{ video: new File(["<html>not a video</html>"], "klip.mp4", { type: "video/mp4" }), captions: new File([VTT], "k.vtt") }, "video", /mp4- eller webm/],
      [{ video: new File([MP4], "klip.mp4"), captions: new File(["1\n00:00:00,000 --> 00:00:02,000\nSRT"], "k.vtt") }, "captions", /WebVTT/],
      [{ video: new File([MP4], "klip.mp4") }, "captions", /undertekster/i],
    ];
    for (const [files, field, message] of cases) {
      const res = await run(newArticle.action, multipart(videoFields, files, cookie));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Record<string, string> }).errors[field]).toMatch(message);
    }
    const after = (
      await db
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
    expect(after).toBe(before);
    // A transcript instead of captions is fine.
    const ok = await run(newArticle.action, multipart({ ...videoFields, transcript: "Hej og velkommen." }, { video: new File([MP4], "klip.mp4") }, cookie));
    expect(ok.status).toBe(302);
    // Flexjobbers cannot post.
    const flex = await createUser(db, { role: "flexjobber" });
    expect((await run(newArticle.action, multipart(videoFields, {}, await sessionCookie(flex.id)))).status).toBe(403);
  });
});

describe("uploads clean up after themselves", () => {
  const uploads = () => {
    const dir = process.env.UPLOADS_DIR!;
    const files: string[] = [];
    const walk = (d: string) => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    return files.sort();
  };

  /** A multipart body that sends the fields and half a video, then breaks off as an aborted browser would. */
  function abortedUpload(cookie: string, { error }: { error: boolean }): Request {
    const boundary = "----afbrudt";
    const head = Object.entries(videoFields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("");
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${head}--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="klip.mp4"\r\nContent-Type: video/mp4\r\n\r\n`));
        controller.enqueue(MP4);
        if (error) controller.error(new Error("connection reset"));
        else controller.close();
      },
    });
    return new Request(`${BASE}/viden/ny`, {
      method: "POST",
      body: stream,
      headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
  }

  it("an aborted or cut-off multipart upload answers 400 and leaves no file in UPLOADS_DIR", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const before = uploads();
    for (const error of [true, false]) {
      const res = await run(newArticle.action, abortedUpload(cookie, { error }));
      expect(res.status).toBe(400);
      expect(uploads()).toEqual(before);
    }
  });

  it("a failed upload (no captions) and a too long text field leave no file, and each part gets its own message", async () => {
    const staff = await createUser(db, { role: "staff" });
    const cookie = await sessionCookie(staff.id);
    const before = uploads();
    const noCaptions = await run(newArticle.action, multipart(videoFields, { video: new File([MP4], "klip.mp4", { type: "video/mp4" }) }, cookie));
    expect(noCaptions.status).toBe(400);
    expect(uploads()).toEqual(before);
    const long = await run(
      newArticle.action,
      multipart({ ...videoFields, transcript: "ord ".repeat(60_000) }, { video: new File([MP4], "klip.mp4", { type: "video/mp4" }) }, cookie),
    );
    expect(long.status).toBe(400);
    const { errors } = (await long.json()) as { errors: Record<string, string> };
    expect(errors.transcript).toMatch(/Teksten er for lang/);
    expect(errors.video).toBeUndefined();
    expect(uploads()).toEqual(before);
  });
});
