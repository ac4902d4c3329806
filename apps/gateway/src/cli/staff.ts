// `npm run staff -- add <username> --role operator|admin [--name 显示名]`: creates a staff account of
// the built-in back office and prints a generated password once. Uses MONGODB_URI when set, else the
// database of a running `npm start` (found through MINHU_DATA_DIR/services.json), else starts the
// embedded database on MINHU_DATA_DIR for the moment it needs it.
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { loadConfig } from '../config.js';
import { addStaff } from '../commands/staff-accounts.js';
import { createModels, syncIndexes } from '../models/index.js';
import { AppError } from '../http/errors.js';
import { STAFF_ROLES, type StaffRole } from '../models/staff.js';
import { withDatabase } from './database.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string', default: 'operator' }, name: { type: 'string' } },
  });
  const [command, username] = positionals;
  if (command !== 'add' || !username) {
    console.error('usage: npm run staff -- add <username> --role operator|admin [--name 显示名]');
    process.exit(2);
  }
  if (!STAFF_ROLES.includes(values.role as StaffRole)) {
    console.error(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig();
  await withDatabase(config, async (uri) => {
    const db = await mongoose.createConnection(uri, { autoIndex: false }).asPromise();
    try {
      const models = createModels(db);
      await syncIndexes(models);
      const { password } = await addStaff({ models }, { username, role: values.role as StaffRole, name: values.name }).catch((err) => {
        if (err instanceof AppError && err.code === 'staff_exists') throw new Error(`staff user "${username}" already exists`);
        throw err;
      });
      console.log(`Created ${values.role} "${username}". Password (shown once): ${password}`);
    } finally {
      await db.close();
    }
  });
}

main().catch((err) => {
  console.error(`[minhu] ${(err as Error).message}`);
  process.exit(1);
});
