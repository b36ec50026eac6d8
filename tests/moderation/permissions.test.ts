import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  canModerate,
  type MemberLike,
  NOT_A_MODERATOR,
  requireModerator,
} from "../../src/moderation/permissions.ts";
import { UserError } from "../../src/user-error.ts";

const MOD_ROLE = "400000000000000001";
const OTHER_ROLE = "400000000000000002";
const ordinary = new PermissionsBitField([PermissionFlagsBits.SendMessages, PermissionFlagsBits.ViewChannel]);

/** Interactions as discord.js hands them out: the raw API member (role ids) or a cached member (a role manager). */
function rawMember(permissions: PermissionsBitField, roles: string[]): MemberLike {
  return { memberPermissions: permissions, member: { roles } };
}
function cachedMember(permissions: PermissionsBitField, roles: string[]): MemberLike {
  return {
    memberPermissions: permissions,
    member: { roles: { cache: new Map(roles.map((id) => [id, { id }])) } },
  };
}

describe("who may change entries", () => {
  it("lets a member with Manage Messages moderate, whatever their roles", () => {
    const permissions = new PermissionsBitField([ordinary, PermissionFlagsBits.ManageMessages]);
    expect(canModerate(rawMember(permissions, []), [])).toBe(true);
  });

  it("lets an Administrator moderate, as Discord grants them every permission", () => {
    expect(canModerate(rawMember(new PermissionsBitField(PermissionFlagsBits.Administrator), []), [])).toBe(
      true,
    );
  });

  it.each([
    ["raw API member", rawMember],
    ["cached guild member", cachedMember],
  ])("lets a %s with a configured moderator role moderate", (_shape, member) => {
    expect(canModerate(member(ordinary, [OTHER_ROLE, MOD_ROLE]), [MOD_ROLE])).toBe(true);
    expect(canModerate(member(ordinary, [OTHER_ROLE]), [MOD_ROLE])).toBe(false);
  });

  it("refuses an ordinary member, a member when no roles are configured, and a DM", () => {
    expect(canModerate(rawMember(ordinary, [MOD_ROLE]), [])).toBe(false);
    expect(canModerate({ memberPermissions: null, member: null }, [MOD_ROLE])).toBe(false);
  });

  it("refuses with a sentence that says what is needed and that nothing changed", () => {
    const refuse = () => requireModerator(rawMember(ordinary, []), [MOD_ROLE]);
    expect(refuse).toThrow(UserError);
    expect(refuse).toThrow(NOT_A_MODERATOR);
    expect(NOT_A_MODERATOR).toMatch(/Manage Messages.*Nothing was changed/);
  });
});
