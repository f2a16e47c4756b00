-- ordnum-desktop in team mode: the three roles of a workspace database (issue 15).
--
-- Run once per workspace database, connected to it as an administrator (a superuser or a role
-- with CREATEROLE that owns the database), before the first `ordnum init`:
--
--     createdb ordnum
--     psql -d ordnum -v ON_ERROR_STOP=1 -f packaging/postgresql/roles.sql
--
-- It can be run again (after adding people, or on a database that already holds a workspace):
-- every statement is idempotent.
--
--   ordnum_owner        LOGIN. Owns the tables: the application opened with it creates and
--                       upgrades the schema (`ordnum init`, the first opening of a new version).
--                       Give it a password: ALTER ROLE ordnum_owner PASSWORD '…';
--   ordnum_coordinator  NOLOGIN group. Reads and writes the rows (rosters, planning, imports,
--                       bilans). Each coordinator is a login role in it:
--                       CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE ordnum_coordinator;
--   ordnum_reader       NOLOGIN group. Reads everything, changes nothing (a CPAM that follows
--                       the bilan): CREATE ROLE cpam33 LOGIN PASSWORD '…' IN ROLE ordnum_reader;
--
-- Nobody needs a superuser at run time. Tables and sequences created later by migrations (run
-- as ordnum_owner) are granted to the two groups by the default privileges below.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ordnum_owner') THEN
        CREATE ROLE ordnum_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ordnum_coordinator') THEN
        CREATE ROLE ordnum_coordinator NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ordnum_reader') THEN
        CREATE ROLE ordnum_reader NOLOGIN;
    END IF;
END
$$;

-- The database: only these roles connect; the owner and the coordinators may create the
-- temporary table of a traces import (COPY, then one INSERT … SELECT).
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ordnum_owner, ordnum_coordinator',
                   current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO ordnum_reader', current_database());
END
$$;

-- The schema: only the owner creates objects in it.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO ordnum_owner;
GRANT USAGE ON SCHEMA public TO ordnum_coordinator, ordnum_reader;

-- What migrations will create (as ordnum_owner).
ALTER DEFAULT PRIVILEGES FOR ROLE ordnum_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ordnum_coordinator;
ALTER DEFAULT PRIVILEGES FOR ROLE ordnum_owner IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ordnum_coordinator;
ALTER DEFAULT PRIVILEGES FOR ROLE ordnum_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO ordnum_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE ordnum_owner IN SCHEMA public
    GRANT SELECT ON SEQUENCES TO ordnum_reader;

-- What is already there (a database that held a workspace before this script ran).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ordnum_coordinator;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ordnum_coordinator;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ordnum_reader;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO ordnum_reader;
