-- The Points Expiration and User Segmentation feeds carry no sequence number: their rows keep the
-- greatest message by (date, content hash) and remember the other contents they recently held or
-- refused, so a redelivery is told from a new message whatever came between (docs/decisions/0041).
alter table member_point_expirations add column seen_hashes text[] not null default '{}';
alter table member_segments add column seen_hashes text[] not null default '{}';
