/** Messages of one area of the code; keys start with the area's name. */
export const errors_support = {
  'errors_support.placeholder': 'Nothing here yet.',
} as const;
