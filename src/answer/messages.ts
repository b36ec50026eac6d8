/** What every front end says when `Answer.confident` is false, before the suggestions. */
export const NOT_COVERED_MESSAGE = "The articles don't seem to cover that";
