/**
 * The limits people meet in commands and the API, stated once: the use cases validate with them
 * and the chat grammar quotes them (the seat limit of a purchase is MAX_SEATS_PER_REQUEST in
 * quote.ts).
 */

/** people named in one `invite` */
export const MAX_INVITES_PER_REQUEST = 50;

/** audit events shown at once, and how many when no limit is given */
export const AUDIT_LIMIT = { max: 500, default: 20 } as const;

/** length of an organization's name */
export const ORGANIZATION_NAME_LENGTH = { min: 2, max: 80 } as const;

/** days without use after which a held seat is idle (offered back, and counted before buying) */
export const IDLE_AFTER_DAYS = 28;

/** days a holder of an idle seat has to keep it before it is freed */
export const IDLE_GRACE_DAYS = 7;

/** How many people a card or a quote names (unused seats' holders, whom seats are for): the rest are counted. */
export const NAMES_SHOWN = 5;
