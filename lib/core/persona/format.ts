/**
 * Bumped whenever the model's shape or training changes: a model stored by an earlier version
 * of the extension is then retrained instead of misread, and suggestions stored with accounts
 * under the earlier one are worked out again (lib/core/suggestion-basis.ts). A module of its own,
 * so the panel can read it without loading the classifier.
 */
export const PERSONA_MODEL_FORMAT = 4;
