-- People's access (docs/security.md): the accounts of planners, maintenance staff, municipal admins and operators,
-- and the audit trail of administrative actions. Devices keep their own credentials (table device).
CREATE TABLE person_account (
    username        text COLLATE "C" PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash   text        NOT NULL,                 -- PHC string, $argon2id$...
    roles           text[]      NOT NULL CHECK (roles <@ ARRAY['PLANNER', 'MAINTENANCE', 'MUNICIPAL_ADMIN', 'OPERATOR']),
    municipalities  char(8)[]   NOT NULL,                 -- AGS; an operator sees all whatever is listed here
    failed_logins   integer     NOT NULL DEFAULT 0,       -- failures in a row since the last success or lock
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every administrative action, login and lock-out; never updated, never deleted by the service.
CREATE TABLE audit_entry (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,                    -- a username, or "system"
    action       text        NOT NULL,                    -- e.g. user.created, site.saved, login.locked
    subject      text,                                    -- what was acted on: a username, site or device id
    municipality char(8),                                 -- whose it is; NULL for platform-wide actions
    detail       text
);

CREATE INDEX audit_entry_municipality_at ON audit_entry (municipality, at DESC);
CREATE INDEX audit_entry_at ON audit_entry (at DESC);
