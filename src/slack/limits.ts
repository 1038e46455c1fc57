/**
 * Slack's limits this app builds against, in one place (Slack's Block Kit and Modals references; the
 * project's Slack notes). Builders cut text to these; test/slack/limits.ts checks every payload sent.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  accessibilityLabel: 75,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  inputLabel: 2000,
  /** Modal title, submit and close texts. */
  viewTitle: 24,
  privateMetadata: 3000,
  /** A `markdown` block's text. */
  markdownText: 12_000,
  tableRows: 100,
  tableColumns: 20,
  /** Confirmation dialog: title 100, text 300, buttons 30 characters. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** A message's top-level `text`; Slack truncates longer ones. */
  messageText: 40_000,
} as const;
