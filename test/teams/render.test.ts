import { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { commandText } from '../../adapters/teams/handlers/on-message.ts';
import { renderCard } from '../../adapters/teams/render-card.ts';
import { renderDialog } from '../../adapters/teams/render-dialog.ts';
import type { Form } from '../../src/commands/reply.ts';
import { info } from '../../src/commands/reply.ts';

// the pure pieces of the adapter, with built arguments (the HTTP tests cover them end to end)

const context = (text: string, entities: unknown[] = []) =>
  new TurnContext(
    {} as never,
    {
      type: 'message',
      text,
      entities,
      recipient: { id: '28:bot', name: 'Seatkeeper' },
    } as never,
  );

describe('commandText', () => {
  it('turns @mentions into mention tokens and drops a leading seats', () => {
    const c = context('seats invite <at>Frank Example</at> plan pro', [
      {
        type: 'mention',
        text: '<at>Frank Example</at>',
        mentioned: { id: '29:frank', name: 'Frank Example' },
      },
    ]);
    expect(commandText(c)).toBe('invite <@29:frank|Frank_Example> plan pro');
  });

  it('leaves the bot’s own mention to teams-ai, strips markup, and an empty message is help', () => {
    expect(commandText(context('<p>status</p>'))).toBe('status');
    expect(commandText(context('&nbsp;'))).toBe('help');
  });
});

describe('renderCard', () => {
  const reply = info('Buy 2 Pro seats?', {
    fields: [{ label: 'Charged now', value: 'EUR 30.00' }],
    sections: [{ title: 'Notes', lines: ['use `add 1 pro`'] }],
    buttons: [
      { label: 'Confirm', action: 'purchase.approve', payload: { requestId: 'r1' }, style: 'primary' },
      {
        label: 'Reject',
        action: 'purchase.reject',
        payload: { requestId: 'r1' },
        style: 'danger',
        confirm: { title: 'Sure?', text: 'Really.', confirm: 'Reject', deny: 'Keep' },
      },
    ],
  });

  it('renders an Adaptive Card 1.4 with facts, sections and Action.Execute buttons', () => {
    const card = renderCard(reply, { cardKey: 'requestId:r1' });
    expect(card.version).toBe('1.4');
    expect(cardText(card)).toBe('Buy 2 Pro seats?\nCharged now: EUR 30.00\nNotes\n- use add 1 pro');
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Confirm',
        verb: 'run',
        style: 'positive',
        data: { action: 'purchase.approve', payload: { requestId: 'r1' }, cardKey: 'requestId:r1' },
      },
      expect.objectContaining({ title: 'Reject', verb: 'ask', style: 'destructive' }),
    ]);
  });

  it('a card for one person hides its buttons and asks Teams to refresh it for them', () => {
    const card = renderCard(reply, { cardKey: 'k', refreshFor: ['aad-1'], hideButtons: true });
    expect(card.actions).toBeUndefined();
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { cardKey: 'k' } },
      userIds: ['aad-1'],
    });
  });
});

describe('renderDialog', () => {
  const form: Form = {
    action: 'billing.submit',
    title: 'Billing details',
    submitLabel: 'Save',
    payload: { organizationId: 'o1' },
    fields: [
      { name: 'email', label: 'Billing email', type: 'email', required: true },
      { name: 'address', label: 'Address', type: 'textarea', hint: 'Street and city' },
      { name: 'seats', label: 'Seats', type: 'number', min: 1, max: 10 },
    ],
  };

  it('maps each field type to an input, with hints, and errors under their field', () => {
    const card = renderDialog(form, 'billing', {
      values: { email: 'x' },
      errors: { email: 'Not an email.' },
    });
    expect(card.body.map((e) => e.type)).toEqual([
      'Input.Text',
      'TextBlock',
      'Input.Text',
      'TextBlock',
      'Input.Number',
    ]);
    expect(card.body[0]).toMatchObject({ id: 'email', style: 'Email', isRequired: true, value: 'x' });
    expect(card.body[1]).toMatchObject({ text: 'Not an email.', color: 'attention' });
    expect(card.body[2]).toMatchObject({ id: 'address', isMultiline: true });
    expect(card.body[4]).toMatchObject({ id: 'seats', min: 1, max: 10 });
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Save',
        data: {
          verb: 'submit',
          command: 'billing',
          action: 'billing.submit',
          payload: { organizationId: 'o1' },
        },
      },
    ]);
  });
});
