import type { ActionHandler } from '../handler.ts';
import { upgrade } from '../handlers/upgrade.ts';

export const personalUpgradeAction: ActionHandler = (c) => upgrade(c, { name: 'upgrade' });
