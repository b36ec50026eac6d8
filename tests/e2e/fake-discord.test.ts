import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionResponseType,
  type ModalSubmitInteraction,
  REST,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  autocomplete,
  button,
  type FakeDiscord,
  isInteractionCallback,
  isOriginalMessageEdit,
  modalSubmit,
  slashCommand,
  startFakeDiscord,
  succeeded,
} from "../fake-discord/index.ts";

/** Logs a real discord.js client in to the fake; `clientReady` is attached first because it can beat `login()`. */
async function loginClient(fake: FakeDiscord, extra: Partial<ConstructorParameters<typeof Client>[0]> = {}) {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase }, ...extra });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login("fake-token");
  await ready;
  return client;
}

function nextInteraction(client: Client): Promise<Interaction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

/** Injects, then waits for the client to emit the interaction, narrowed to the kind the test expects. */
async function receive<T extends Interaction>(
  client: Client,
  inject: () => void,
  isExpected: (interaction: Interaction) => interaction is T,
): Promise<T> {
  const received = nextInteraction(client);
  inject();
  const interaction = await received;
  if (!isExpected(interaction)) throw new Error(`unexpected interaction of type ${interaction.type}`);
  return interaction;
}

const isCommand = (i: Interaction): i is ChatInputCommandInteraction => i.isChatInputCommand();
const isAutocomplete = (i: Interaction): i is AutocompleteInteraction => i.isAutocomplete();
const isButton = (i: Interaction): i is ButtonInteraction => i.isButton();
const isModalSubmit = (i: Interaction): i is ModalSubmitInteraction => i.isModalSubmit();

function receiveCommand(client: Client, inject: () => void): Promise<ChatInputCommandInteraction> {
  return receive(client, inject, isCommand);
}

async function apiErrorCode(promise: Promise<unknown>): Promise<number | string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error.code;
}

describe("fake Discord with the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = await loginClient(fake);
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it("gets the client ready with the bot user, the guild and its channel", () => {
    expect(client.user?.id).toBe(fake.botUserId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
    expect(fake.gateway.stats.identifies).toBe(1);
  });

  it("records guild command registration from a standalone REST client and uses the ids it gave", async () => {
    const rest = new REST({ api: fake.apiBase }).setToken("fake-token");
    const ping = new SlashCommandBuilder().setName("ping").setDescription("Checks the bot answers");
    await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), {
      body: [ping.toJSON()],
    });
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();

    const [registration] = fake.commandRegistrations;
    expect(registration?.scope).toEqual({ kind: "guild", guildId: fake.guildId });
    const interaction = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ping")));
    expect(interaction.commandId).toBe(registration?.commands[0]?.id);
  });

  it("delivers a slash command and receives the reply with its allowed mentions", async () => {
    let id = "";
    const interaction = await receiveCommand(client, () => {
      id = fake.injectInteraction(slashCommand("ask", { question: "who?", limit: 3 })).id;
    });
    expect(interaction.options.getString("question")).toBe("who?");
    expect(interaction.options.getInteger("limit")).toBe(3);

    await interaction.reply({ content: "pong", allowedMentions: { parse: [] } });
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data).toMatchObject({ content: "pong", allowed_mentions: { parse: [] } });
  });

  it("routes deferReply and editReply to the callback and the @original webhook", async () => {
    let id = "";
    const interaction = await receiveCommand(client, () => {
      id = fake.injectInteraction(slashCommand("ask")).id;
    });
    await interaction.deferReply();
    const edited = await interaction.editReply({ content: "the answer" });

    expect((await fake.waitForCallback(id)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    expect(await fake.waitForOriginalEdit(id)).toMatchObject({ content: "the answer" });
    expect(edited.content).toBe("the answer");
    expect(fake.interaction(id)?.original?.content).toBe("the answer");
  });

  it("accepts files as multipart payload_json, follow-ups, and retries a rate-limited edit", async () => {
    let id = "";
    const interaction = await receiveCommand(client, () => {
      id = fake.injectInteraction(slashCommand("export")).id;
    });
    await interaction.reply({
      content: "here",
      files: [{ attachment: Buffer.from("a,b"), name: "table.csv" }],
    });
    const callback = fake.requests.find((r) => isInteractionCallback(id)(r) && succeeded(r));
    expect(callback?.files.map((file) => file.filename)).toEqual(["table.csv"]);
    expect(fake.interaction(id)?.original?.attachments).toHaveLength(1);

    const followUp = await interaction.followUp({ content: "one more thing" });
    expect(await fake.waitForFollowUp(id)).toMatchObject({ content: "one more thing" });
    expect(followUp.content).toBe("one more thing");

    fake.failNext(isOriginalMessageEdit(), { status: 429 });
    await interaction.editReply({ content: "edited" });
    expect(fake.interaction(id)?.original?.content).toBe("edited");
    expect((await interaction.fetchReply()).content).toBe("edited");
  });

  it("answers autocomplete with choices", async () => {
    let id = "";
    const interaction = await receive(
      client,
      () => {
        id = fake.injectInteraction(autocomplete("ask", { question: "infl" }, "question")).id;
      },
      isAutocomplete,
    );
    expect(interaction.options.getFocused()).toBe("infl");

    await interaction.respond([{ name: "inflation", value: "inflation" }]);
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data).toEqual({ choices: [{ name: "inflation", value: "inflation" }] });
  });

  it("delivers buttons and modal submissions in both layouts", async () => {
    let clickId = "";
    const clickButton = () => {
      clickId = fake.injectInteraction(button("more:1")).id;
    };
    const click = await receive(client, clickButton, isButton);
    expect(click.customId).toBe("more:1");
    await click.update({ content: "expanded" });
    expect((await fake.waitForCallback(clickId)).type).toBe(InteractionResponseType.UpdateMessage);
    expect(fake.interaction(clickId)?.original?.content).toBe("expanded");

    for (const layout of ["label", "actionRow"] as const) {
      const submit = () =>
        fake.injectInteraction(modalSubmit("feedback", { comment: `via ${layout}` }, { layout }));
      const modal = await receive(client, submit, isModalSubmit);
      expect(modal.fields.getTextInputValue("comment")).toBe(`via ${layout}`);
    }
  });

  it("resumes after the connection drops, replaying what was sent meanwhile", async () => {
    fake.gateway.dropConnection();
    // Injected while the client is away: only a correct resume delivers it.
    const interaction = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    await fake.gateway.waitForResume(1);
    expect(fake.gateway.stats.identifies).toBe(1);
    expect(fake.gateway.stats.connectionUrls[1]).toMatch(/^\/resume\?/);

    await interaction.reply({ content: "still here" });
    const after = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    await after.reply({ content: "and again" });
    expect(fake.requests.filter((r) => isInteractionCallback()(r) && succeeded(r))).toHaveLength(2);
  });

  it("resumes when told to reconnect (op 7)", async () => {
    fake.gateway.requestReconnect();
    await fake.gateway.waitForResume(1);
    const interaction = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    await interaction.reply({ content: "ok" });
    expect(fake.gateway.stats.identifies).toBe(1);
  });

  it.each([429, 500] as const)(
    "still replies exactly once when the callback first answers %i",
    async (status) => {
      let id = "";
      const interaction = await receiveCommand(client, () => {
        id = fake.injectInteraction(slashCommand("ask")).id;
      });
      fake.failNext(isInteractionCallback(id), { status });

      await interaction.reply({ content: "despite the hiccup" });
      const attempts = fake.requests.filter(isInteractionCallback(id));
      expect(attempts.map((r) => r.status)).toEqual([status, 204]);
      expect(attempts.filter(succeeded)).toHaveLength(1);
      expect(fake.pendingFaults).toBe(0);
    },
  );

  it("rejects a second callback for the same interaction with 40060", async () => {
    let handle = { id: "", token: "" };
    const interaction = await receiveCommand(client, () => {
      handle = fake.injectInteraction(slashCommand("ask"));
    });
    await interaction.reply({ content: "first" });
    // discord.js refuses a second reply() locally, so send it as a second process handling the same event would.
    const second = client.rest.post(Routes.interactionCallback(handle.id, handle.token), {
      body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: "second" } },
      auth: false,
    });
    expect(await apiErrorCode(second)).toBe(40060);
  });

  it("enforces Discord's rules on replies: empty, too long, too late", async () => {
    const empty = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    expect(await apiErrorCode(empty.reply({ content: "" }))).toBe(50006);

    const tooLong = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    expect(await apiErrorCode(tooLong.reply({ content: "x".repeat(2001) }))).toBe(50035);

    const late = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
    fake.advanceTime(3_001);
    expect(await apiErrorCode(late.reply({ content: "sorry" }))).toBe(10062);
  });
});

describe("fake Discord session invalidation", () => {
  it("makes the client identify again when the session cannot be resumed", async () => {
    const fake = await startFakeDiscord();
    // discord.js spaces identifies 5 s apart; a test has no reason to wait for that.
    const client = await loginClient(fake, {
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    });
    try {
      fake.gateway.invalidateSession(false);
      await fake.gateway.waitForIdentify(2);
      const interaction = await receiveCommand(client, () => fake.injectInteraction(slashCommand("ask")));
      await interaction.reply({ content: "new session" });
      expect(fake.gateway.stats.resumes).toBe(0);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
