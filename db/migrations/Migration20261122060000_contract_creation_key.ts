import { Migration } from '@mikro-orm/migrations';

// Idempotent contract creation through the REST API: the caller's Idempotency-Key and the
// request it came with are kept on the contract, written in the transaction that creates it.
// The partial unique index makes two concurrent creations with one key yield one contract.
export class Migration20261122060000_contract_creation_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table contract add column creation_key text, add column creation_request jsonb;
create unique index contract_creation_key on contract (creation_key) where creation_key is not null;
`);
  }
}
