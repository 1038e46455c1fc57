import { describe, expect, it } from "vitest";
import {
  escapeCsvField,
  escapeMarkdown,
  escapeMrkdwn,
  sanitizeTerminal,
  unescapeMarkdown,
} from "../../src/render/escape.js";

const TITLE = `Bob's "prod" <db> & co`;

describe("escapeMrkdwn", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(escapeMrkdwn(TITLE)).toBe(`Bob's "prod" &lt;db&gt; &amp; co`);
  });

  it("turns pings and links typed by a person into plain text", () => {
    expect(escapeMrkdwn("<!channel> <!here> <@U123> <http://x|y>")).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;http://x|y&gt;",
    );
  });

  it("escapes an ampersand that already looks like an entity, so it shows as typed", () => {
    expect(escapeMrkdwn("&amp; &#x27;")).toBe("&amp;amp; &amp;#x27;");
  });
});

describe("escapeMarkdown", () => {
  it("keeps quotes and apostrophes and escapes only what would become markup", () => {
    expect(escapeMarkdown(TITLE)).toBe(`Bob's "prod" \\<db\\> & co`);
    expect(unescapeMarkdown(escapeMarkdown(TITLE))).toBe(TITLE);
  });

  it.each([
    ["*bold* and `code`", "\\*bold\\* and \\`code\\`"],
    ["[link](http://x)", "\\[link\\](http://x)"],
    ["a | b ~~c~~", "a \\| b \\~\\~c\\~\\~"],
    ["_em_ but snake_case", "\\_em\\_ but snake_case"],
    ["# heading", "\\# heading"],
    ["issue #", "issue \\#"],
    ["C# and F#", "C# and F#"],
    ["- item", "\\- item"],
    ["12. item", "12\\. item"],
    ["&amp; stays", "\\&amp; stays"],
    ["back\\slash", "back\\\\slash"],
  ])("%s", (input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped);
    expect(unescapeMarkdown(escaped)).toBe(input);
  });

  it("never writes an HTML entity", () => {
    expect(escapeMarkdown(`<'"&>`)).not.toMatch(/&[#a-z0-9]+;/i);
  });
});

describe("sanitizeTerminal", () => {
  it("removes ANSI sequences and control characters and keeps the text on one line", () => {
    expect(sanitizeTerminal("\x1b[31mred\x1b[0m\nnext\x07\x1b]0;title\x07 end")).toBe("red next end");
  });

  it("leaves ordinary punctuation alone", () => {
    expect(sanitizeTerminal(TITLE)).toBe(TITLE);
  });
});

describe("escapeCsvField", () => {
  it("quotes, doubles quotes and defuses formulas", () => {
    expect(escapeCsvField(TITLE)).toBe(`"Bob's ""prod"" <db> & co"`);
    expect(escapeCsvField("=SUM(A1)")).toBe(`"'=SUM(A1)"`);
  });
});
