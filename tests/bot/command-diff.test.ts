import { describe, expect, it } from "vitest";
import { diffCommands, type RegisteredCommand } from "../../src/deploy/command-diff.ts";

const ask: RegisteredCommand = {
  name: "ask",
  description: "Ask a question",
  options: [{ type: 3, name: "question", description: "Your question", required: true, max_length: 300 }],
};

describe("diffCommands", () => {
  it("sorts commands into added, updated, removed and unchanged", () => {
    const help = { name: "help", description: "Help" };
    const old = { name: "old", description: "Retired" };
    const changedAsk = { ...ask, description: "Ask anything" };
    const demand = { name: "demand", description: "Demands" };
    expect(diffCommands([ask, help, old], [changedAsk, help, demand])).toEqual({
      added: ["demand"],
      updated: ["ask"],
      removed: ["old"],
      unchanged: ["help"],
    });
  });

  it("treats the defaults and ids Discord adds as no change", () => {
    const fromDiscord = {
      ...ask,
      id: "1",
      application_id: "2",
      version: "3",
      type: 1,
      nsfw: false,
      default_member_permissions: null,
      options: [
        { ...ask.options?.[0], type: 3, name: "question", description: "Your question", autocomplete: false },
      ],
    };
    expect(diffCommands([fromDiscord], [ask]).unchanged).toEqual(["ask"]);
  });

  it("notices a changed option limit", () => {
    const longer = {
      ...ask,
      options: [{ type: 3, name: "question", description: "Your question", required: true, max_length: 500 }],
    };
    expect(diffCommands([ask], [longer]).updated).toEqual(["ask"]);
  });
});
