// What members type (project names, visitors, counterparts) is placed inside the bot's markdown
// by the domain's formatters. The bot's own templates use only a heading on the first line,
// **bold** and plain punctuation, so each platform's renderer can make everything else inert in
// one place: links and images ([x](url), ![](img)), HTML and <font> tags, <@userid> and
// @name/@mobile/@所有人 mentions, headings after the first line, and the bidi controls that
// reorder what a reader sees (U+202A–U+202E, U+2066–U+2069). The characters stay visible as their
// full-width forms, so a name still reads the same; mentions are added by the renderer afterwards,
// from the message's own member list only.

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/**
 * A heading marker at a line start ("# x" … "###### x"; the first line is the template's title):
 * its first "#" becomes "＃", which no markdown reads as a heading. Bounded quantifiers only,
 * and a replacement string rather than a callback: linear and cheap on any input.
 */
const HEADING = /\n( {0,3})#(?=#{0,5}(?:[ \t\n]|$))/g;

/** Text without the bidi controls: for plain-text messages and titles. */
export function withoutBidi(text: string): string {
  return text.replace(BIDI, "");
}

/**
 * Markdown in which only the template's own markup (first-line heading, bold, quotes) still
 * acts. "<" alone disarms every tag; "[" and "]" every link and image; "@" every mention.
 */
export function inertMarkdown(markdown: string): string {
  return withoutBidi(markdown)
    .replaceAll("<", "＜")
    .replaceAll("[", "［")
    .replaceAll("]", "］")
    .replaceAll("@", "＠")
    .replace(HEADING, "\n$1＃");
}
