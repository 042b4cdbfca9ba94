/** Messages of one area of the code; keys start with the area's name. */
export const adapters = {
  'adapters.placeholder': 'Nothing here yet.',
} as const;
