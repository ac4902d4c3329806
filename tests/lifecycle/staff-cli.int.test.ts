// `npm run staff -- add …` against the test run's database: prints a password that signs in.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const run = promisify(execFile);
let gw: TestGateway;
const dbName = `minhu_cli_${Date.now()}`;

beforeAll(async () => {
  gw = await startTestGateway({}, { dbName });
});
afterAll(() => gw?.close());

describe('staff CLI', () => {
  it('creates an operator with a generated password', async () => {
    const uri = inject('mongoUri').replace('/minhu?', `/${dbName}?`);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'apps/gateway/src/cli/staff.ts', 'add', 'wang', '--role', 'operator', '--name', '王工'], {
      env: { ...process.env, MONGODB_URI: uri },
    });
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await gw.api('POST', '/api/staff/session', { body: { username: 'wang', password } });
    expect(login.status).toBe(200);
    expect(login.body.staff).toEqual({ username: 'wang', name: '王工', role: 'operator' });
    const dup = await run(process.execPath, ['--import', 'tsx', 'apps/gateway/src/cli/staff.ts', 'add', 'wang'], { env: { ...process.env, MONGODB_URI: uri } }).catch((e) => e);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');
  });
});
