import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { inviteUrl } from "../../src/deploy/invite-url.ts";

describe("inviteUrl", () => {
  const url = new URL(inviteUrl("123456789012345678"));

  it("asks for the bot and its slash commands in Discord's authorize page", () => {
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
  });

  it("asks only to see channels, send messages and embed links", () => {
    const permissions = new PermissionsBitField(BigInt(url.searchParams.get("permissions") ?? "-1"));
    expect(permissions.toArray().sort()).toEqual([
      "AttachFiles",
      "EmbedLinks",
      "SendMessages",
      "ViewChannel",
    ]);
    expect(permissions.has(PermissionFlagsBits.Administrator)).toBe(false);
  });
});
