/**
 * Discord's documented limits for what a bot may send. Discord rejects the whole message (50035) when
 * any one of them is exceeded, so every payload passes through `fitMessage` before it leaves.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceText: 100,
} as const;
