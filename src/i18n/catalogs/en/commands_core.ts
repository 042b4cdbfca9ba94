/** Messages of one area of the code; keys start with the area's name. */
export const commands_core = {
  'commands_core.placeholder': 'Nothing here yet.',
} as const;
