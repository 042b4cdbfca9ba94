/** Messages of one area of the code; keys start with the area's name. */
export const notices = {
  'notices.placeholder': 'Nothing here yet.',
} as const;
