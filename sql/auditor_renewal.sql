--
-- auditor_renewal: renewing an auditor registration (aud_renewal_grace,
-- aud_validity).
--
-- What a DBA sees:
--   * A renewal is an application of kind 'renewal'.  It names the auditor
--     it renews, or the extension fills in the organization's only auditor
--     in force on the application date.
--   * A renewal filed on or before the expiry date keeps the auditor in
--     force after expiry (status renewal_pending) until the committee
--     decides.  Approval adds a new validity term, 2 years from the renewal's
--     application date, in force from the decision day; the registration
--     keeps its number.  A rejection ends the grace on its date.
--   * A renewal filed after expiry is not a renewal: the organization files
--     a new application.
--
-- ismap.today() is pinned with SET; it moves forward as the story goes on.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-06-01';

SELECT organization_id AS sakura FROM ismap.organizations
 WHERE corporate_number = '7999901000001' \gset
SELECT organization_id AS kaku_cloud FROM ismap.organizations
 WHERE corporate_number = '6999901000002' \gset
SELECT auditor_id AS sakura_auditor FROM ismap.auditors
 WHERE organization_id = :sakura \gset

-- Three auditors registered in 2021 and 2022:
--   架空監査法人つばき applied 2022-07-01, approved 2022-08-01: valid until 2024-07-01;
--   架空監査法人きり   applied 2021-01-10, approved 2021-02-01: valid until 2023-01-10;
--   架空監査法人にれ   applied 2022-05-31, approved 2022-06-15: valid until 2024-05-31.
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('3999901000005', '架空監査法人つばき', 'Tsubaki Fictional Audit Corporation'),
       ('2999901000006', '架空監査法人きり', 'Kiri Fictional Audit Corporation'),
       ('1999901000007', '架空監査法人にれ', 'Nire Fictional Audit Corporation');
SELECT organization_id AS tsubaki FROM ismap.organizations
 WHERE corporate_number = '3999901000005' \gset
SELECT organization_id AS kiri FROM ismap.organizations
 WHERE corporate_number = '2999901000006' \gset
SELECT organization_id AS nire FROM ismap.organizations
 WHERE corporate_number = '1999901000007' \gset

INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:tsubaki, 'new', '2022-07-01'), (:kiri, 'new', '2021-01-10'), (:nire, 'new', '2022-05-31');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id IN (:tsubaki, :kiri, :nire);
UPDATE ismap.auditor_applications
   SET status = 'approved',
       decided_on = CASE organization_id WHEN :tsubaki THEN date '2022-08-01'
                                         WHEN :kiri THEN date '2021-02-01'
                                         ELSE date '2022-06-15' END
 WHERE organization_id IN (:tsubaki, :kiri, :nire);

SELECT auditor_id AS tsubaki_auditor FROM ismap.auditors WHERE organization_id = :tsubaki \gset
SELECT auditor_id AS kiri_auditor FROM ismap.auditors WHERE organization_id = :kiri \gset
SELECT auditor_id AS nire_auditor FROM ismap.auditors WHERE organization_id = :nire \gset

SELECT a.auditor_id, a.registration_number, o.name, a.registered_on, a.valid_until,
       ismap.auditor_status(a.auditor_id) AS status_today
  FROM ismap.auditors a JOIN ismap.organizations o USING (organization_id)
 WHERE a.organization_id IN (:tsubaki, :kiri, :nire)
 ORDER BY a.registration_number;

--
-- 1. What is not a renewal
--

-- Refused: an organization without an auditor registration has nothing to
-- renew.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:kaku_cloud, 'renewal', '2024-06-01');
-- Refused: an organization renews only its own registration ...
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:tsubaki, 'renewal', '2024-06-01', :sakura_auditor);
-- ... of an auditor that exists (23503).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:tsubaki, 'renewal', '2024-06-01', -1);
-- Refused: a renewal dated before the term it renews came into force.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:tsubaki, 'renewal', '2022-07-15', :tsubaki_auditor);
-- Refused: a renewal filed after expiry (架空監査法人きり expired on
-- 2023-01-11) is not a renewal, whether or not it names the auditor.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:kiri, 'renewal', '2024-05-01');
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id)
VALUES (:kiri, 'renewal', '2024-05-01', :kiri_auditor);
-- A day late is late: 架空監査法人にれ was valid until 2024-05-31.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:nire, 'renewal', '2024-06-01');

SELECT s AS statement, r.*
  FROM (VALUES
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on) VALUES ($$ || :kaku_cloud || $$, 'renewal', '2024-06-01')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id) VALUES ($$ || :tsubaki || $$, 'renewal', '2024-06-01', $$ || :sakura_auditor || $$)$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id) VALUES ($$ || :tsubaki || $$, 'renewal', '2024-06-01', -1)$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on, auditor_id) VALUES ($$ || :tsubaki || $$, 'renewal', '2022-07-15', $$ || :tsubaki_auditor || $$)$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on) VALUES ($$ || :kiri || $$, 'renewal', '2024-05-01')$$),
    ($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on) VALUES ($$ || :nire || $$, 'renewal', '2024-06-01')$$)) v(s),
       refusal(s) r
 ORDER BY 1;

-- Nothing changed: no renewal was filed.
SELECT count(*) AS renewals FROM ismap.auditor_applications WHERE kind = 'renewal';

-- 架空監査法人きり files a new application instead; that is allowed, since it
-- has no registration in force.  It stays submitted.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:kiri, 'new', '2024-05-01')
RETURNING kind, applied_on, status, decided_on, auditor_id;

--
-- 2. A renewal in time
--

-- 架空監査法人つばき files its renewal on 2024-06-01, without naming the
-- auditor: the extension fills it in.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:tsubaki, 'renewal', '2024-06-01')
RETURNING application_id AS tsubaki_renewal \gset
SELECT kind, applied_on, status, decided_on, auditor_id
  FROM ismap.auditor_applications WHERE application_id = :tsubaki_renewal;

-- Refused: one undecided renewal at a time.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:tsubaki, 'renewal', '2024-06-01');
SELECT * FROM refusal($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
                        VALUES ($$ || :tsubaki || $$, 'renewal', '2024-06-01')$$);
-- Refused: nor can the organization file a new application instead.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:tsubaki, 'new', '2024-06-01');
-- Nothing changed: one renewal.
SELECT kind, applied_on, status, decided_on
  FROM ismap.auditor_applications WHERE organization_id = :tsubaki ORDER BY applied_on;

UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE application_id = :tsubaki_renewal;

-- The committee decides on 2024-07-10, after the expiry date 2024-07-01.
SET ismap.today = '2024-07-10';

-- Until the decision the auditor is in renewal grace: renewal_pending from
-- the day after expiry, and listed with its old expiry date.
SELECT d AS day, s.status, s.valid_until
  FROM (VALUES (date '2024-07-01'), ('2024-07-02'), ('2024-07-10')) v(d)
 CROSS JOIN LATERAL ismap.auditor_standing(:tsubaki_auditor, d) s
 ORDER BY d;
SELECT registration_number, name, valid_until, status
  FROM ismap.auditor_list_at('2024-07-05') ORDER BY registration_number;

-- Approval on 2024-07-10.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-07-10'
 WHERE application_id = :tsubaki_renewal
RETURNING kind, applied_on, status, decided_on, auditor_id;

-- The registration keeps its number; its current term now counts from the
-- renewal's application date: valid until 2026-06-01.
SELECT registration_number, registered_on, valid_from, valid_until
  FROM ismap.auditors WHERE auditor_id = :tsubaki_auditor;
-- Both terms stay recorded; the second is in force from the decision.
SELECT term_no, in_force_from, valid_from, valid_until
  FROM ismap.auditor_terms WHERE auditor_id = :tsubaki_auditor ORDER BY term_no;
-- A compliance report falls due a year after each application.
SELECT due_on, filed_on
  FROM ismap.auditor_compliance_reports WHERE auditor_id = :tsubaki_auditor ORDER BY due_on;

-- Status and expiry on each day: the old term until the decision, the new
-- one from it.
SELECT d AS day, s.status, s.valid_until
  FROM (VALUES (date '2022-07-31'), ('2022-08-01'), ('2024-07-01'), ('2024-07-02'),
               ('2024-07-09'), ('2024-07-10'), ('2026-06-01'), ('2026-06-02')) v(d)
 CROSS JOIN LATERAL ismap.auditor_standing(:tsubaki_auditor, d) s
 ORDER BY d;
SELECT registration_number, name, valid_until, status
  FROM ismap.auditor_list ORDER BY registration_number;

-- Refused: a renewal dated before the new term came into force (it would
-- renew a term that is no longer the latest).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:tsubaki, 'renewal', '2024-07-05');
SELECT * FROM refusal($$INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
                        VALUES ($$ || :tsubaki || $$, 'renewal', '2024-07-05')$$);
-- Nothing changed.
SELECT kind, applied_on, status, decided_on
  FROM ismap.auditor_applications WHERE organization_id = :tsubaki ORDER BY applied_on;

--
-- 3. A renewal filed on the expiry day, then rejected
--

-- 架空監査法人にれ was valid until 2024-05-31 and files its renewal that
-- very day: in time.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
VALUES (:nire, 'renewal', '2024-05-31');
UPDATE ismap.auditor_applications SET status = 'accepted'
 WHERE organization_id = :nire AND kind = 'renewal';
-- The committee rejects it on 2024-06-10: the grace ends that day.
UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = '2024-06-10'
 WHERE organization_id = :nire AND kind = 'renewal'
RETURNING kind, applied_on, status, decided_on, auditor_id;

SELECT d AS day, s.status, s.valid_until
  FROM (VALUES (date '2024-05-31'), ('2024-06-01'), ('2024-06-09'), ('2024-06-10')) v(d)
 CROSS JOIN LATERAL ismap.auditor_standing(:nire_auditor, d) s
 ORDER BY d;
-- No new term.
SELECT term_no, in_force_from, valid_from, valid_until
  FROM ismap.auditor_terms WHERE auditor_id = :nire_auditor ORDER BY term_no;

-- The public list on those days.
SELECT d AS day, l.registration_number, l.name, l.valid_until, l.status
  FROM (VALUES (date '2024-06-01'), ('2024-06-10')) v(d)
 CROSS JOIN LATERAL ismap.auditor_list_at(d) l
 ORDER BY d, l.registration_number;
