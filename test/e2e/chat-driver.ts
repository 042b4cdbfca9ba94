/**
 * One chat platform as an end-to-end test drives it: people type commands, read the direct
 * messages the bot sends them, press buttons and fill forms. Slack, Teams and the command layer
 * each implement it over their real entry points, so one scenario (scenario.ts) runs on all.
 * Texts are what a person would read, flattened to plain text (headline, fields, sections).
 */
export interface Shown {
  text: string;
  /** labels of the buttons shown with it */
  buttons: string[];
  /** field names of the form it opened (a Slack modal, a Teams dialog), if any */
  form?: string[];
}

export interface ChatDriver {
  readonly platform: string;
  /** `/seats <text>` in Slack, a message to the bot in Teams; what the typist sees back */
  command(email: string, text: string): Promise<Shown>;
  /** delivers every pending outbox notice through the platform's notifier */
  deliver(): Promise<void>;
  /** the direct messages this person has received so far, oldest first, as they look now */
  inbox(email: string): Promise<Shown[]>;
  /**
   * Presses the button with this label on the newest message (reply or DM) of this person that
   * shows it, saying yes to a confirmation dialog; what they see afterwards.
   */
  click(email: string, label: string): Promise<Shown>;
  /** submits the form this person last opened, with values keyed by the form's field names */
  submit(email: string, values: Record<string, string | string[] | boolean | number>): Promise<Shown>;
  close(): Promise<void>;
}

/**
 * Builds a driver on a fresh database holding the demo organization (db/seeders/demo.ts), with
 * every demo person a user of the platform's workspace installed into that organization.
 */
export type DriverFactory = () => Promise<ChatDriver>;
