-- When a person's access last changed (roles, municipalities, password, account removed): every token issued before
-- that is refused from then on (access.WithdrawnTokens). Kept after an account is removed, so its tokens stay dead.
CREATE TABLE access_withdrawn (
    username  text COLLATE "C" PRIMARY KEY,
    at        timestamptz NOT NULL
);
