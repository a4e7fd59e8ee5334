-- A person who deletes their data leaves their account row behind as a tombstone: the ledger's
-- entries, case reports and others' records refer to it, and must keep adding up. The row keeps
-- no name, phone number or password (see docs/accounts.md); erased_at says it is one.
ALTER TABLE account ADD COLUMN erased_at TIMESTAMPTZ;
