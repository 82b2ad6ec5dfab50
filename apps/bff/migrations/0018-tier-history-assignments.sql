-- Tier history holds assignments only (docs/decisions/0018): one row per (tier, dateAssigned), since
-- CrowdTwist changes dateAssigned on start, jump, maintain, drop and reset, never on an update. A row
-- whose event no push named (an assignment first seen on an UPDATE) has a null event.
alter table tier_history alter column assigned_by_event drop not null;

-- Older code recorded UPDATE pushes as entries. One that repeats an assignment already recorded says
-- nothing; any other is an assignment whose event was not said.
delete from tier_history u
 where u.assigned_by_event = 'UPDATE'
   and exists (
     select 1 from tier_history o
      where o.member_key = u.member_key and o.tier_title = u.tier_title and o.id <> u.id
        and o.date_assigned is not distinct from u.date_assigned and o.assigned_by_event <> 'UPDATE');
update tier_history set assigned_by_event = null where assigned_by_event = 'UPDATE';

-- One assignment, one row: the first recorded wins if older code kept two events for one date.
delete from tier_history d
 where exists (
   select 1 from tier_history k
    where k.member_key = d.member_key and k.tier_title = d.tier_title and k.id < d.id
      and k.date_assigned is not distinct from d.date_assigned);

drop index tier_history_assignment_idx;
create unique index tier_history_assignment_idx
  on tier_history (member_key, tier_title, coalesce(date_assigned, '-infinity'::timestamptz));
drop index tier_history_member_idx;
create index tier_history_member_idx
  on tier_history (member_key, coalesce(date_assigned, date_last_updated) desc, id desc);
