import type { Button, Reply } from '../../src/commands/reply.ts';
import { subjectOf } from '../../src/commands/subject.ts';

/** A shown reply or direct message whose buttons can still be pressed, numbered from `first`. */
export interface OpenMessage {
  /** who it was shown to: only they press its buttons */
  owner: string;
  /** a direct message (`inbox` shows it again) or the answer to something typed */
  kind: 'message' | 'reply';
  reply: Reply;
  first: number;
}

/**
 * The session's open buttons. Numbers count up for the whole session and are never given twice,
 * so a number printed once means that button until its message is answered, replaced or decided.
 */
export class OpenMessages {
  private next = 1;
  private readonly messages: OpenMessage[] = [];

  add(owner: string, kind: OpenMessage['kind'], reply: Reply): OpenMessage {
    const m: OpenMessage = { owner, kind, reply, first: this.next };
    this.next += reply.buttons?.length ?? 0;
    this.messages.push(m);
    return m;
  }

  of(owner: string): OpenMessage[] {
    return this.messages.filter((m) => m.owner === owner);
  }

  button(owner: string, n: number): { button: Button; message: OpenMessage } | undefined {
    for (const m of this.of(owner)) {
      const b = m.reply.buttons?.[n - m.first];
      if (n >= m.first && b) return { button: b, message: m };
    }
    return undefined;
  }

  /** Every open number of this person, in order. */
  numbers(owner: string): number[] {
    return this.of(owner).flatMap((m) => (m.reply.buttons ?? []).map((_, i) => m.first + i));
  }

  close(m: OpenMessage) {
    const i = this.messages.indexOf(m);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** A decision closes every copy of its subject, whoever it was shown to. */
  closeSubject(subject: string) {
    for (const m of [...this.messages])
      if (m.reply.buttons?.some((b) => subjectOf(b.payload) === subject)) this.close(m);
  }
}
