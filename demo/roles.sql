-- One login role per capacity (README, "Access"): each person or
-- application logs in as a role of its own, a member of its capacity.
CREATE ROLE demo_committee LOGIN IN ROLE ismap_committee;  -- 運営委員会
CREATE ROLE demo_operator  LOGIN IN ROLE ismap_operator;   -- 運用支援機関
CREATE ROLE demo_ministry  LOGIN IN ROLE ismap_ministry;   -- 制度所管省庁
CREATE ROLE soyokaze_staff LOGIN IN ROLE ismap_provider;   -- a cloud service provider
CREATE ROLE yamanami_staff LOGIN IN ROLE ismap_provider;   -- another provider
CREATE ROLE akebono_staff  LOGIN IN ROLE ismap_auditor;    -- an audit firm
CREATE ROLE demo_procurer  LOGIN IN ROLE ismap_procurer;   -- a procuring body
CREATE ROLE demo_public    LOGIN IN ROLE ismap_reader;     -- the public (a portal)
