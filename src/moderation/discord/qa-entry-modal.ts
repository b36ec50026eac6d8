import {
  type APIModalInteractionResponseCallbackData,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { truncateText } from "../../render/discord/fit-text.ts";
import { QA_LIMITS } from "../../store/index.ts";
import type { FormValues } from "../entry-form.ts";

/** Discord's limits for modals: a 45-character title and label, a 100-character description and placeholder. */
const MODAL_LIMITS = { title: 45, label: 45, description: 100, placeholder: 100, inputValue: 4000 } as const;

interface InputSpec {
  field: keyof FormValues;
  label: string;
  description: string;
  placeholder: string;
  style: TextInputStyle;
  min?: number;
  max: number;
  required: boolean;
}

/**
 * The inputs' lengths are the store's limits (src/store/limits.ts), so Discord refuses what the store
 * would refuse before the moderator submits, and a submitted form always fits the store.
 */
const INPUTS: readonly InputSpec[] = [
  {
    field: "question",
    label: "Question",
    description: "What members ask, worded as they would ask it.",
    placeholder: "Why is Russia pushing these demands right now?",
    style: TextInputStyle.Short,
    min: QA_LIMITS.questionMin,
    max: QA_LIMITS.questionMax,
    required: true,
  },
  {
    field: "answer",
    label: "Answer",
    description: "A sentence or two, neutral; the citations carry the evidence.",
    placeholder: "What changed is the Kremlin's sense of urgency…",
    style: TextInputStyle.Paragraph,
    min: QA_LIMITS.answerMin,
    max: QA_LIMITS.answerMax,
    required: true,
  },
  {
    field: "alternatives",
    label: "Other wordings or keywords (optional)",
    description: "One a line: other ways members ask this question.",
    placeholder: "why now\nwhat changed in the Kremlin",
    style: TextInputStyle.Paragraph,
    max: QA_LIMITS.alternativesText,
    required: false,
  },
  {
    field: "citations",
    label: "Citations",
    description:
      "One a line: article-id ¶N: excerpt — or paste an excerpt as it is. /qa cite shows a paragraph.",
    placeholder: "fp-mackinnon ¶3: What has changed is the sense of urgency",
    style: TextInputStyle.Paragraph,
    max: QA_LIMITS.citationsText,
    required: true,
  },
];

function textInput(spec: InputSpec, value: string | undefined): TextInputBuilder {
  const input = new TextInputBuilder()
    .setCustomId(spec.field)
    .setStyle(spec.style)
    .setMaxLength(spec.max)
    .setRequired(spec.required)
    .setPlaceholder(truncateText(spec.placeholder, MODAL_LIMITS.placeholder));
  if (spec.min !== undefined) input.setMinLength(spec.min);
  // A prefilled value longer than the input allows makes Discord refuse the whole modal.
  if (value !== undefined && value.length > 0) input.setValue(value.slice(0, spec.max));
  return input;
}

/** The values a form can be prefilled with without Discord refusing it; see `prefillProblem`. */
export function prefillProblem(values: FormValues): string | undefined {
  const tooLong = INPUTS.find((spec) => values[spec.field].length > spec.max);
  if (tooLong === undefined) return undefined;
  return `The ${tooLong.field} of this entry is ${values[tooLong.field].length} characters long, more than the form's ${tooLong.max}: export the server's entries with \`dossier qa export\`, shorten it there and import the file again.`;
}

/** The add/edit form; `values` prefill it (an edit, or a refused submission reopened). */
export function entryModal(
  customId: string,
  title: string,
  values?: FormValues,
): APIModalInteractionResponseCallbackData {
  const modal = new ModalBuilder().setCustomId(customId).setTitle(truncateText(title, MODAL_LIMITS.title));
  for (const spec of INPUTS) {
    modal.addLabelComponents(
      new LabelBuilder()
        .setLabel(truncateText(spec.label, MODAL_LIMITS.label))
        .setDescription(truncateText(spec.description, MODAL_LIMITS.description))
        .setTextInputComponent(textInput(spec, values?.[spec.field])),
    );
  }
  return modal.toJSON();
}
