import { readFileSync } from "node:fs";
import type { APIButtonComponent, APIEmbed, APIStringSelectComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { ComponentRow, MessagePayload } from "../render/discord/payload.ts";

/**
 * A reply as Discord's dark theme draws it, as one HTML page: the command line above, the bot's name,
 * the message text, each embed with its coloured bar, author line, title, description, fields and
 * footer, then the rows of buttons and select menus. Only the markdown the renderers write is read
 * (escapes, bold, italics, block quotes, masked links), enough to review a reply by eye; it is not a
 * Discord client.
 */
export interface PreviewMessage {
  /** What the member typed, e.g. "/ask question: why now?". */
  command: string;
  payload: MessagePayload;
  /** A private reply: Discord marks it "Only you can see this". */
  ephemeral?: boolean;
}

const FONTS = new URL("../../assets/fonts/", import.meta.url);

function fontFace(weight: number, file: string): string {
  const data = readFileSync(new URL(file, FONTS)).toString("base64");
  return `@font-face{font-family:Inter;font-weight:${weight};src:url(data:font/otf;base64,${data})}`;
}

export function previewHtml(messages: readonly PreviewMessage[], width = 760): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${fontFace(400, "Inter-Regular.otf")}${fontFace(600, "Inter-SemiBold.otf")}
${STYLE.replace("WIDTH", String(width))}
</style></head><body>${messages.map(renderMessage).join("")}</body></html>`;
}

const STYLE = `
body{margin:0;padding:16px 16px 8px;background:#313338;color:#dbdee1;width:WIDTHpx;
  font:15px/1.375 Inter,"DejaVu Sans","Noto Color Emoji",sans-serif}
.msg{display:flex;gap:16px;margin-bottom:18px}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;background:#5865f2;color:#fff;
  display:flex;align-items:center;justify-content:center;font-weight:600}
.body{min-width:0;flex:1}
.used{font-size:13px;color:#949ba4;margin-bottom:2px}.used b{color:#c9cdfb;font-weight:400}
.name{font-weight:600;color:#f2f3f5}.tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;
  padding:1px 4px;margin-left:4px;vertical-align:2px}.time{color:#949ba4;font-size:12px;margin-left:6px}
.content{white-space:normal;margin:2px 0 4px}
.embed{display:flex;max-width:520px;margin-top:6px;background:#2b2d31;border-radius:4px;overflow:hidden}
.bar{flex:none;width:4px}.inner{padding:8px 16px 14px 12px;min-width:0;font-size:14px}
.author{font-size:13px;font-weight:600;color:#f2f3f5;margin-top:6px}
.title{font-weight:600;color:#f2f3f5;margin-top:6px;font-size:15px}.title a{color:#00a8fc;text-decoration:none}
.desc{margin-top:6px}.field{margin-top:8px}.fname{font-weight:600;color:#f2f3f5;font-size:14px}
.footer{margin-top:8px;font-size:12px;color:#b5bac1}
.subtext{font-size:12px;line-height:1.3;color:#949ba4}.quote{display:flex;gap:8px;margin:2px 0}.quote::before{content:"";flex:none;width:4px;border-radius:4px;background:#4e5058}
a{color:#00a8fc;text-decoration:none}
.row{display:flex;gap:8px;margin-top:8px;flex-wrap:wrap}
.btn{border-radius:3px;padding:2px 16px;height:32px;display:flex;align-items:center;gap:6px;font-size:14px;
  font-weight:500;color:#fff;background:#4e5058}.btn.primary{background:#5865f2}.btn.disabled{opacity:.5}
.btn.link::after{content:"↗";font-size:12px;opacity:.8}
.select{width:400px;height:40px;border-radius:4px;background:#1e1f22;border:1px solid #1e1f22;display:flex;
  align-items:center;justify-content:space-between;padding:0 12px;color:#949ba4;font-size:14px}
.select b{color:#dbdee1;font-weight:400}
.eph{font-size:12px;color:#949ba4;margin-top:6px}
`;

function renderMessage(message: PreviewMessage): string {
  const { payload } = message;
  const content =
    payload.content === undefined ? "" : `<div class="content">${markdown(payload.content)}</div>`;
  return `<div class="msg"><div class="avatar">D</div><div class="body">
<div class="used">used <b>${escapeHtml(message.command)}</b></div>
<div><span class="name">Dossier</span><span class="tag">APP</span><span class="time">Today at 18:04</span></div>
${content}${payload.embeds.map(renderEmbed).join("")}${payload.components.map(renderRow).join("")}
${message.ephemeral === true ? '<div class="eph">👁 Only you can see this</div>' : ""}
</div></div>`;
}

function renderEmbed(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0x1e1f22).toString(16).padStart(6, "0")}`;
  const parts: string[] = [];
  if (embed.author !== undefined) parts.push(`<div class="author">${escapeHtml(embed.author.name)}</div>`);
  if (embed.title !== undefined) {
    const title = markdown(embed.title);
    parts.push(`<div class="title">${embed.url === undefined ? title : `<a href="#">${title}</a>`}</div>`);
  }
  if (embed.description !== undefined) parts.push(`<div class="desc">${markdown(embed.description)}</div>`);
  for (const field of embed.fields ?? []) {
    parts.push(
      `<div class="field"><div class="fname">${markdown(field.name)}</div><div>${markdown(field.value)}</div></div>`,
    );
  }
  if (embed.footer !== undefined) parts.push(`<div class="footer">${escapeHtml(embed.footer.text)}</div>`);
  return `<div class="embed"><div class="bar" style="background:${color}"></div><div class="inner">${parts.join("")}</div></div>`;
}

function renderRow(row: ComponentRow): string {
  return `<div class="row">${row.components.map(renderComponent).join("")}</div>`;
}

function renderComponent(component: APIButtonComponent | APIStringSelectComponent): string {
  if (component.type === ComponentType.StringSelect) {
    const chosen = component.options.find((option) => option.default === true);
    const shown =
      chosen === undefined ? escapeHtml(component.placeholder ?? "") : `<b>${escapeHtml(chosen.label)}</b>`;
    return `<div class="select"><span>${shown}</span><span>⌄</span></div>`;
  }
  if (component.type !== ComponentType.Button) return "";
  const classes = ["btn"];
  if (component.style === ButtonStyle.Primary) classes.push("primary");
  if (component.style === ButtonStyle.Link) classes.push("link");
  if (component.disabled === true) classes.push("disabled");
  const emoji = "emoji" in component && component.emoji?.name !== undefined ? component.emoji.name : "";
  const label = "label" in component ? (component.label ?? "") : "";
  return `<div class="${classes.join(" ")}">${escapeHtml(`${emoji} ${label}`.trim())}</div>`;
}

/** Discord's markdown as the renderers write it, line by line; "> " lines become a quote, "-# " subtext. */
function markdown(text: string): string {
  const lines = text.split("\n");
  const html: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) html.push(`<div class="quote"><div>${quote.join("<br>")}</div></div>`);
    quote = [];
  };
  for (const line of lines) {
    if (line.startsWith("> ")) {
      quote.push(inline(line.slice(2)));
      continue;
    }
    flush();
    // "-# " is Discord's subtext: a small, muted line.
    if (line.startsWith("-# ")) html.push(`<div class="subtext">${inline(line.slice(3))}</div>`);
    else html.push(`${inline(line)}<br>`);
  }
  flush();
  return html.join("").replace(/(<br>)+$/, "");
}

function inline(text: string): string {
  const escapes: string[] = [];
  // Escaped characters are set aside first (behind a private-use character no reply contains), so
  // they never open or close bold, italics or links.
  const held = text.replace(/\\([^\w\s])/g, (_match, char: string) => {
    escapes.push(char);
    return `\uE000${escapes.length - 1}\uE000`;
  });
  const formatted = escapeHtml(held)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>");
  return formatted.replace(/\uE000(\d+)\uE000/g, (_match, index: string) =>
    escapeHtml(escapes[Number(index)] ?? ""),
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] ?? char,
  );
}
