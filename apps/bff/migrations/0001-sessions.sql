-- Server-side sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of the
-- table cannot be replayed as cookies.
create table sessions (
  id_hash text primary key,
  sub text not null,
  crowdtwist_user_id text not null,
  name text,
  email text,
  roles text[] not null default '{}',
  id_token text,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_sub_idx on sessions (sub);
create index sessions_expires_idx on sessions (expires_at);

-- A sign-in under way: what the callback must find to accept the answer. Used once, then deleted.
create table login_states (
  state_hash text primary key,
  code_verifier text not null,
  nonce text not null,
  return_to text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
