import os from 'node:os';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { offboardMembers } from '../src/service/offboard-members.ts';
import { createBenchDb, serviceOn } from './support.ts';

/**
 * `npm run bench:offboard`: one offboarding submission of 1,000 leavers, each holding a pro
 * seat, in the demo organization on real PostgreSQL: the server time of the use case (one
 * transaction: every leaver detached, seat freed, audited, told). Target: under 2 s.
 */
const LEAVERS = Number(process.env.BENCH_LEAVERS ?? 1000);
const TARGET_MS = 2000;

const main = async () => {
  const db = await createBenchDb();
  const { orm, ctx } = await serviceOn(db.url, 4);
  try {
    await seedDemo(ctx);
    const [{ id: orgId, contract_id: contractId }] = (
      await db.admin.query(
        `select o.id, c.id as contract_id from organization o join contract c on c.organization_id = o.id
         where o.name = $1 limit 1`,
        [DEMO.organization],
      )
    ).rows;
    await db.admin.query(
      `insert into account (id, email, name, personal_plan, created_at, updated_at)
       select gen_random_uuid(), 'leaver' || i || '@bulk.example.com', 'Leaver ' || i, 'free', now(), now()
       from generate_series(1, $1::int) as i`,
      [LEAVERS],
    );
    await db.admin.query(
      `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
       select gen_random_uuid(), $1, a.id, 'member', false, 'active', false, now()
       from account a where a.email like 'leaver%@bulk.example.com'`,
      [orgId],
    );
    await db.admin.query(
      `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
       select gen_random_uuid(), $1, 'pro', m.id, true, now(), now()
       from membership m join account a on a.id = m.account_id where a.email like 'leaver%@bulk.example.com'`,
      [contractId],
    );
    const emails = Array.from({ length: LEAVERS }, (_, i) => `leaver${i + 1}@bulk.example.com`);
    const started = performance.now();
    const r = await offboardMembers(ctx, { email: DEMO.owner }, { organizationId: orgId, members: emails });
    const took = performance.now() - started;
    const freed = r.offboarded.filter((m) => m.seat?.freed).length;
    const row = `| ${LEAVERS} leavers, each with a pro seat, one submission | ${Math.round(took)} ms | ${freed} seats freed | ${took < TARGET_MS ? '**met**' : '**not met**'} (< ${TARGET_MS} ms) |`;
    console.log(row);
    const note = `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, PostgreSQL on 127.0.0.1, load average ${os.loadavg()[0]!.toFixed(2)}.`;
    console.log(note);
  } finally {
    await orm.close(true);
    await db.drop();
  }
};

await main();
