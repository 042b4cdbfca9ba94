/** Messages of one area of the code; keys start with the area's name. */
export const commands_handlers = {
  'commands_handlers.placeholder': 'Nothing here yet.',
} as const;
