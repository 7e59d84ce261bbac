-- The demo registry: fifteen fictional audit firms and their history in the
-- ISMAP auditor registry (監査機関リスト) from the scheme's start in June 2020
-- to November 2026.  Every row is written through the public write path, as
-- the operations body would write it: organizations and applications are
-- INSERTed, decisions are UPDATEs of status and decided_on, suspensions and
-- removals are INSERTs into auditor_status_changes, compliance reports are
-- filed by setting filed_on.  The extension creates the auditors, their
-- registration numbers, validity terms and due reports on approval.
-- Renewals name no auditor_id: the extension fills in the organization's
-- auditor in force.
--
-- History is replayed in date order: before each day's writes the load pins
-- the scheme's day with SET ismap.today (superusers only), because nothing
-- may be filed or decided after today.  The script ends with RESET
-- ismap.today.  scripts/demo then pins the demo database's day to the last
-- day of the story (2026-11-20, the last day demo/services.sql writes;
-- scripts/demo-lib.sh), so that its lists show the end of the story
-- whatever the real date.
--
-- The firms, their names and their 法人番号 are invented; the numbers have
-- valid check digits (checked below) but belong to no one.
--
-- What the history shows:
--   Most firms       register in 2020-2021 and renew every two years,
--                    filing before expiry; Aoba, Minato, Nagisa and
--                    Yamabuki file on the last day and stay listed in renewal
--                    grace (renewal_pending) until the approval, Tsubasa
--                    files two days before expiry and is decided after it.
--   Hibari           misses its renewal deadline (2024-07-20): the renewal is
--                    refused (aud_renewal_grace), it files a new application
--                    and is registered again under a new number (A24-0015).
--   Shirakaba        has its first application returned (不受理) and refiles.
--   Ikazuchi         withdraws its first application (取下げ) and refiles later.
--   Tachibana        has its 2024 renewal rejected (登録拒否) and expires.
--   Kamome           is suspended in February 2024, lifted in May 2024.
--   Wakaba           is suspended in June 2023 and removed in September 2023.
--   Kohaku           never files the compliance report due 2025-12-02 (overdue
--                    today) and is suspended from 2026-10-01.
--   Nagisa           files its first compliance report late (due 2022-06-01,
--                    filed 2022-08-10).
--   Tsubasa          filed its renewal on 2026-10-20; its term ended on
--                    2026-11-05 and the renewal is still undecided: it is
--                    listed as renewal_pending.
--   Suzuran          applied in November 2026; not decided yet, not listed.
--
-- Load as a superuser:  psql -v ON_ERROR_STOP=1 -d DB -f demo/auditors.sql

\set ON_ERROR_STOP on
BEGIN;

-- The firms.  Every 法人番号 is checked before anything is written.
CREATE TEMP TABLE demo_firm (
  n                integer GENERATED ALWAYS AS IDENTITY,
  key              text PRIMARY KEY,
  corporate_number text NOT NULL,
  name             text NOT NULL,
  name_en          text NOT NULL
) ON COMMIT DROP;

INSERT INTO demo_firm (key, corporate_number, name, name_en) VALUES
  ('akebono',   '6999905204111', '架空監査法人あけぼの', 'Akebono Audit Corporation (fictional)'),
  ('aoba',      '3999905208222', '架空有限責任監査法人あおば', 'Aoba Audit LLC (fictional)'),
  ('minato',    '1999905212333', '架空監査法人みなと', 'Minato Audit Corporation (fictional)'),
  ('tachibana', '7999905216444', '架空監査法人たちばな', 'Tachibana Audit Corporation (fictional)'),
  ('hibari',    '9999901220555', '株式会社架空アシュアランスひばり', 'Hibari Assurance Co., Ltd. (fictional)'),
  ('shirakaba', '2999905224666', '架空監査法人しらかば', 'Shirakaba Audit Corporation (fictional)'),
  ('wakaba',    '3999901228777', '株式会社架空情報監査わかば', 'Wakaba Information Audit Co., Ltd. (fictional)'),
  ('tsubasa',   '6999905232888', '架空監査法人つばさ', 'Tsubasa Audit Corporation (fictional)'),
  ('ikazuchi',  '7999901236999', '株式会社架空システム監査いかづち', 'Ikazuchi System Audit Co., Ltd. (fictional)'),
  ('kamome',    '4999901241110', '株式会社架空監査サービスかもめ', 'Kamome Audit Services Co., Ltd. (fictional)'),
  ('kohaku',    '6999905245221', '架空監査法人こはく', 'Kohaku Audit Corporation (fictional)'),
  ('nagisa',    '7999901249332', '株式会社架空セキュリティ監査なぎさ', 'Nagisa Security Audit Co., Ltd. (fictional)'),
  ('yamabuki',  '1999905253443', '架空監査法人やまぶき', 'Yamabuki Audit Corporation (fictional)'),
  ('hotaru',    '2999901257554', '株式会社架空クラウド監査ほたる', 'Hotaru Cloud Audit Co., Ltd. (fictional)'),
  ('suzuran',   '9999901261665', '株式会社架空監査ラボすずらん', 'Suzuran Audit Lab Co., Ltd. (fictional)');

DO $$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(format('%s %s', corporate_number, name), ', ') INTO bad
    FROM demo_firm
   WHERE corporate_number !~ '^[0-9]{13}$'
      OR NOT ismap.corporate_number_is_valid(corporate_number);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'demo data: invalid 法人番号: %', bad;
  END IF;
END
$$;

INSERT INTO ismap.organizations (corporate_number, name, name_en)
SELECT corporate_number, name, name_en FROM demo_firm ORDER BY n;

-- psql variables :akebono, :aoba, ... hold the organization ids.
SELECT
  max(o.organization_id) FILTER (WHERE f.key = 'akebono') AS akebono,
  max(o.organization_id) FILTER (WHERE f.key = 'aoba') AS aoba,
  max(o.organization_id) FILTER (WHERE f.key = 'minato') AS minato,
  max(o.organization_id) FILTER (WHERE f.key = 'tachibana') AS tachibana,
  max(o.organization_id) FILTER (WHERE f.key = 'hibari') AS hibari,
  max(o.organization_id) FILTER (WHERE f.key = 'shirakaba') AS shirakaba,
  max(o.organization_id) FILTER (WHERE f.key = 'wakaba') AS wakaba,
  max(o.organization_id) FILTER (WHERE f.key = 'tsubasa') AS tsubasa,
  max(o.organization_id) FILTER (WHERE f.key = 'ikazuchi') AS ikazuchi,
  max(o.organization_id) FILTER (WHERE f.key = 'kamome') AS kamome,
  max(o.organization_id) FILTER (WHERE f.key = 'kohaku') AS kohaku,
  max(o.organization_id) FILTER (WHERE f.key = 'nagisa') AS nagisa,
  max(o.organization_id) FILTER (WHERE f.key = 'yamabuki') AS yamabuki,
  max(o.organization_id) FILTER (WHERE f.key = 'hotaru') AS hotaru,
  max(o.organization_id) FILTER (WHERE f.key = 'suzuran') AS suzuran
  FROM demo_firm f JOIN ismap.organizations o USING (corporate_number) \gset

SET ismap.today = '2020-06-15';
-- Akebono files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:akebono, 'new', ismap.today()) RETURNING application_id AS akebono_new \gset

SET ismap.today = '2020-06-22';
-- Akebono's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :akebono_new;
-- Aoba files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:aoba, 'new', ismap.today()) RETURNING application_id AS aoba_new \gset

SET ismap.today = '2020-06-29';
-- Aoba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :aoba_new;

SET ismap.today = '2020-07-01';
-- Minato files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:minato, 'new', ismap.today()) RETURNING application_id AS minato_new \gset

SET ismap.today = '2020-07-08';
-- Minato's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :minato_new;

SET ismap.today = '2020-07-20';
-- Akebono is registered (登録) as A20-0001.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :akebono_new RETURNING auditor_id AS akebono_auditor \gset

SET ismap.today = '2020-07-27';
-- Aoba is registered (登録) as A20-0002.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :aoba_new RETURNING auditor_id AS aoba_auditor \gset

SET ismap.today = '2020-08-03';
-- Tachibana files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tachibana, 'new', ismap.today()) RETURNING application_id AS tachibana_new \gset

SET ismap.today = '2020-08-11';
-- Tachibana's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tachibana_new;

SET ismap.today = '2020-08-17';
-- Minato is registered (登録) as A20-0003.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :minato_new RETURNING auditor_id AS minato_auditor \gset

SET ismap.today = '2020-09-01';
-- Hibari files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hibari, 'new', ismap.today()) RETURNING application_id AS hibari_new \gset

SET ismap.today = '2020-09-08';
-- Hibari's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hibari_new;

SET ismap.today = '2020-09-14';
-- Tachibana is registered (登録) as A20-0004.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :tachibana_new RETURNING auditor_id AS tachibana_auditor \gset

SET ismap.today = '2020-10-01';
-- Shirakaba files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba, 'new', ismap.today()) RETURNING application_id AS shirakaba_first_try \gset

SET ismap.today = '2020-10-09';
-- Shirakaba's application is returned (不受理): documents incomplete.
UPDATE ismap.auditor_applications SET status = 'returned', decided_on = ismap.today()
 WHERE application_id = :shirakaba_first_try;

SET ismap.today = '2020-10-15';
-- Hibari is registered (登録) as A20-0005.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hibari_new RETURNING auditor_id AS hibari_auditor \gset

SET ismap.today = '2020-11-02';
-- Shirakaba files a new application again (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba, 'new', ismap.today()) RETURNING application_id AS shirakaba_new \gset

SET ismap.today = '2020-11-10';
-- Shirakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :shirakaba_new;

SET ismap.today = '2020-12-01';
-- Wakaba files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:wakaba, 'new', ismap.today()) RETURNING application_id AS wakaba_new \gset

SET ismap.today = '2020-12-08';
-- Wakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :wakaba_new;

SET ismap.today = '2020-12-21';
-- Shirakaba is registered (登録) as A20-0006.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :shirakaba_new RETURNING auditor_id AS shirakaba_auditor \gset

SET ismap.today = '2021-01-08';
-- Tsubasa files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tsubasa, 'new', ismap.today()) RETURNING application_id AS tsubasa_new \gset

SET ismap.today = '2021-01-12';
-- Ikazuchi files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:ikazuchi, 'new', ismap.today()) RETURNING application_id AS ikazuchi_first_try \gset

SET ismap.today = '2021-01-15';
-- Tsubasa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tsubasa_new;

SET ismap.today = '2021-01-20';
-- Ikazuchi's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :ikazuchi_first_try;

SET ismap.today = '2021-01-25';
-- Wakaba is registered (登録) as A21-0007.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :wakaba_new RETURNING auditor_id AS wakaba_auditor \gset

SET ismap.today = '2021-02-01';
-- Kamome files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kamome, 'new', ismap.today()) RETURNING application_id AS kamome_new \gset

SET ismap.today = '2021-02-08';
-- Kamome's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kamome_new;

SET ismap.today = '2021-02-22';
-- Tsubasa is registered (登録) as A21-0008.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :tsubasa_new RETURNING auditor_id AS tsubasa_auditor \gset

SET ismap.today = '2021-03-01';
-- Ikazuchi withdraws its application (取下げ).
UPDATE ismap.auditor_applications SET status = 'withdrawn', decided_on = ismap.today()
 WHERE application_id = :ikazuchi_first_try;

SET ismap.today = '2021-03-15';
-- Kamome is registered (登録) as A21-0009.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kamome_new RETURNING auditor_id AS kamome_auditor \gset

SET ismap.today = '2021-04-05';
-- Kohaku files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kohaku, 'new', ismap.today()) RETURNING application_id AS kohaku_new \gset

SET ismap.today = '2021-04-12';
-- Kohaku's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kohaku_new;

SET ismap.today = '2021-05-24';
-- Kohaku is registered (登録) as A21-0010.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kohaku_new RETURNING auditor_id AS kohaku_auditor \gset

SET ismap.today = '2021-06-01';
-- Akebono files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :akebono_new;
-- Nagisa files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:nagisa, 'new', ismap.today()) RETURNING application_id AS nagisa_new \gset

SET ismap.today = '2021-06-08';
-- Nagisa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :nagisa_new;

SET ismap.today = '2021-06-10';
-- Aoba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :aoba_new;

SET ismap.today = '2021-06-21';
-- Minato files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :minato_new;

SET ismap.today = '2021-07-19';
-- Nagisa is registered (登録) as A21-0011.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :nagisa_new RETURNING auditor_id AS nagisa_auditor \gset

SET ismap.today = '2021-07-26';
-- Tachibana files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :tachibana_new;

SET ismap.today = '2021-08-02';
-- Yamabuki files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:yamabuki, 'new', ismap.today()) RETURNING application_id AS yamabuki_new \gset

SET ismap.today = '2021-08-10';
-- Yamabuki's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :yamabuki_new;

SET ismap.today = '2021-08-23';
-- Hibari files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hibari_new;

SET ismap.today = '2021-09-01';
-- Ikazuchi files a new application again (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:ikazuchi, 'new', ismap.today()) RETURNING application_id AS ikazuchi_new \gset

SET ismap.today = '2021-09-08';
-- Ikazuchi's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :ikazuchi_new;

SET ismap.today = '2021-09-21';
-- Yamabuki is registered (登録) as A21-0012.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamabuki_new RETURNING auditor_id AS yamabuki_auditor \gset

SET ismap.today = '2021-10-01';
-- Hotaru files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hotaru, 'new', ismap.today()) RETURNING application_id AS hotaru_new \gset

SET ismap.today = '2021-10-08';
-- Hotaru's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hotaru_new;

SET ismap.today = '2021-10-20';
-- Ikazuchi is registered (登録) as A21-0013.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :ikazuchi_new RETURNING auditor_id AS ikazuchi_auditor \gset

SET ismap.today = '2021-10-25';
-- Shirakaba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :shirakaba_new;

SET ismap.today = '2021-11-15';
-- Hotaru is registered (登録) as A21-0014.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hotaru_new RETURNING auditor_id AS hotaru_auditor \gset

SET ismap.today = '2021-11-22';
-- Wakaba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :wakaba_new;

SET ismap.today = '2021-12-20';
-- Tsubasa files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :tsubasa_new;

SET ismap.today = '2022-01-24';
-- Kamome files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :kamome_new;

SET ismap.today = '2022-03-28';
-- Aoba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:aoba, 'renewal', ismap.today()) RETURNING application_id AS aoba_r1 \gset
-- Kohaku files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :kohaku_new;

SET ismap.today = '2022-04-04';
-- Aoba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :aoba_r1;

SET ismap.today = '2022-04-15';
-- Akebono files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:akebono, 'renewal', ismap.today()) RETURNING application_id AS akebono_r1 \gset

SET ismap.today = '2022-04-22';
-- Akebono's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :akebono_r1;

SET ismap.today = '2022-05-09';
-- Aoba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :aoba_r1;

SET ismap.today = '2022-05-20';
-- Akebono's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :akebono_r1;

SET ismap.today = '2022-06-01';
-- Tachibana files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tachibana, 'renewal', ismap.today()) RETURNING application_id AS tachibana_r1 \gset

SET ismap.today = '2022-06-08';
-- Tachibana's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tachibana_r1;

SET ismap.today = '2022-07-01';
-- Minato files a renewal (登録更新申請), on the last day of its term.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:minato, 'renewal', ismap.today()) RETURNING application_id AS minato_r1 \gset

SET ismap.today = '2022-07-06';
-- Tachibana's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :tachibana_r1;

SET ismap.today = '2022-07-08';
-- Minato's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :minato_r1;

SET ismap.today = '2022-07-20';
-- Hibari files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hibari, 'renewal', ismap.today()) RETURNING application_id AS hibari_r1 \gset

SET ismap.today = '2022-07-25';
-- Yamabuki files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :yamabuki_new;

SET ismap.today = '2022-07-27';
-- Hibari's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hibari_r1;

SET ismap.today = '2022-07-28';
-- Minato's renewal is approved (it was in renewal grace until today).
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :minato_r1;

SET ismap.today = '2022-08-10';
-- Nagisa files its compliance report late (it was due 2022-06-01).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :nagisa_new;

SET ismap.today = '2022-08-22';
-- Ikazuchi files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :ikazuchi_new;

SET ismap.today = '2022-08-25';
-- Hibari's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hibari_r1;

SET ismap.today = '2022-09-01';
-- Shirakaba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba, 'renewal', ismap.today()) RETURNING application_id AS shirakaba_r1 \gset

SET ismap.today = '2022-09-08';
-- Shirakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :shirakaba_r1;

SET ismap.today = '2022-09-20';
-- Hotaru files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hotaru_new;

SET ismap.today = '2022-10-03';
-- Wakaba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:wakaba, 'renewal', ismap.today()) RETURNING application_id AS wakaba_r1 \gset

SET ismap.today = '2022-10-06';
-- Shirakaba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :shirakaba_r1;

SET ismap.today = '2022-10-11';
-- Wakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :wakaba_r1;

SET ismap.today = '2022-11-07';
-- Tsubasa files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tsubasa, 'renewal', ismap.today()) RETURNING application_id AS tsubasa_r1 \gset

SET ismap.today = '2022-11-14';
-- Wakaba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :wakaba_r1;
-- Tsubasa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tsubasa_r1;

SET ismap.today = '2022-12-01';
-- Kamome files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kamome, 'renewal', ismap.today()) RETURNING application_id AS kamome_r1 \gset

SET ismap.today = '2022-12-08';
-- Kamome's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kamome_r1;

SET ismap.today = '2022-12-19';
-- Tsubasa's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :tsubasa_r1;

SET ismap.today = '2023-01-16';
-- Kamome's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kamome_r1;

SET ismap.today = '2023-02-01';
-- Kohaku files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kohaku, 'renewal', ismap.today()) RETURNING application_id AS kohaku_r1 \gset

SET ismap.today = '2023-02-08';
-- Kohaku's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kohaku_r1;

SET ismap.today = '2023-03-10';
-- Kohaku's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kohaku_r1;

SET ismap.today = '2023-03-15';
-- Aoba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :aoba_r1;

SET ismap.today = '2023-04-03';
-- Nagisa files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:nagisa, 'renewal', ismap.today()) RETURNING application_id AS nagisa_r1 \gset

SET ismap.today = '2023-04-05';
-- Akebono files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :akebono_r1;

SET ismap.today = '2023-04-10';
-- Nagisa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :nagisa_r1;

SET ismap.today = '2023-05-15';
-- Wakaba files its compliance report early.
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :wakaba_r1;
-- Nagisa's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :nagisa_r1;

SET ismap.today = '2023-05-22';
-- Tachibana files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :tachibana_r1;

SET ismap.today = '2023-06-01';
-- The committee suspends Wakaba (一時停止).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
  VALUES (:wakaba_auditor, 'suspend', ismap.today(),
          '運営委員会の調査で監査調書の事後的な改ざんが判明したため / audit working papers found altered after the fact; investigation under way');

SET ismap.today = '2023-06-26';
-- Minato files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :minato_r1;

SET ismap.today = '2023-07-03';
-- Ikazuchi files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:ikazuchi, 'renewal', ismap.today()) RETURNING application_id AS ikazuchi_r1 \gset

SET ismap.today = '2023-07-10';
-- Hibari files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hibari_r1;
-- Ikazuchi's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :ikazuchi_r1;

SET ismap.today = '2023-08-01';
-- Hotaru files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hotaru, 'renewal', ismap.today()) RETURNING application_id AS hotaru_r1 \gset

SET ismap.today = '2023-08-02';
-- Yamabuki files a renewal (登録更新申請), on the last day of its term.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:yamabuki, 'renewal', ismap.today()) RETURNING application_id AS yamabuki_r1 \gset

SET ismap.today = '2023-08-07';
-- Yamabuki's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :yamabuki_r1;

SET ismap.today = '2023-08-08';
-- Hotaru's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hotaru_r1;

SET ismap.today = '2023-08-10';
-- Ikazuchi's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :ikazuchi_r1;

SET ismap.today = '2023-08-24';
-- Shirakaba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :shirakaba_r1;

SET ismap.today = '2023-09-01';
-- The committee removes Wakaba (削除): final.
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
  VALUES (:wakaba_auditor, 'remove', ismap.today(),
          '改ざんの事実が確定し、監査機関の要求基準を満たさないため登録を削除 / alteration confirmed; the auditor no longer meets the auditor requirements');

SET ismap.today = '2023-09-04';
-- Yamabuki's renewal is approved (it was in renewal grace until today).
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamabuki_r1;

SET ismap.today = '2023-09-11';
-- Hotaru's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hotaru_r1;

SET ismap.today = '2023-10-30';
-- Tsubasa files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :tsubasa_r1;

SET ismap.today = '2023-11-20';
-- Kamome files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :kamome_r1;

SET ismap.today = '2024-01-22';
-- Kohaku files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :kohaku_r1;

SET ismap.today = '2024-02-15';
-- The committee suspends Kamome (一時停止).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
  VALUES (:kamome_auditor, 'suspend', ismap.today(),
          '品質管理体制に関する運営委員会の報告徴求に期限までに応じなかったため / did not answer the committee''s demand for a report on its quality control by the due date');

SET ismap.today = '2024-03-01';
-- Akebono files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:akebono, 'renewal', ismap.today()) RETURNING application_id AS akebono_r2 \gset

SET ismap.today = '2024-03-08';
-- Akebono's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :akebono_r2;

SET ismap.today = '2024-03-25';
-- Nagisa files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :nagisa_r1;

SET ismap.today = '2024-03-28';
-- Aoba files a renewal (登録更新申請), on the last day of its term.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:aoba, 'renewal', ismap.today()) RETURNING application_id AS aoba_r2 \gset

SET ismap.today = '2024-04-04';
-- Aoba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :aoba_r2;

SET ismap.today = '2024-04-05';
-- Akebono's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :akebono_r2;

SET ismap.today = '2024-04-22';
-- Aoba's renewal is approved (it was in renewal grace until today).
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :aoba_r2;

SET ismap.today = '2024-05-10';
-- Minato files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:minato, 'renewal', ismap.today()) RETURNING application_id AS minato_r2 \gset

SET ismap.today = '2024-05-17';
-- Minato's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :minato_r2;

SET ismap.today = '2024-05-20';
-- The committee lifts Kamome's suspension (解除).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
  VALUES (:kamome_auditor, 'lift', ismap.today(),
          '報告を受領し、改善措置の実施を確認したため / report received and the corrective measures verified');

SET ismap.today = '2024-05-31';
-- Tachibana files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tachibana, 'renewal', ismap.today()) RETURNING application_id AS tachibana_r2 \gset

SET ismap.today = '2024-06-05';
-- Tachibana's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tachibana_r2;

SET ismap.today = '2024-06-14';
-- Minato's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :minato_r2;

SET ismap.today = '2024-06-24';
-- Ikazuchi files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :ikazuchi_r1;

SET ismap.today = '2024-07-19';
-- Tachibana's renewal is rejected (登録拒否): its grace ends, it expires today.
UPDATE ismap.auditor_applications SET status = 'rejected', decided_on = ismap.today()
 WHERE application_id = :tachibana_r2;
-- Hotaru files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hotaru_r1;

SET ismap.today = '2024-07-22';
-- Yamabuki files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :yamabuki_r1;

SET ismap.today = '2024-08-01';
-- Shirakaba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba, 'renewal', ismap.today()) RETURNING application_id AS shirakaba_r2 \gset

SET ismap.today = '2024-08-05';
-- Hibari's term ended on 2024-07-20.  A renewal filed now is refused as a
-- renewal (aud_renewal_grace); this block checks that it is.
DO $$
BEGIN
  INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  SELECT o.organization_id, 'renewal', ismap.today()
    FROM ismap.organizations o JOIN demo_firm f USING (corporate_number)
   WHERE f.key = 'hibari';
  RAISE EXCEPTION 'demo data: a renewal filed after expiry was accepted';
EXCEPTION WHEN check_violation THEN
  DECLARE
    rule text;
  BEGIN
    GET STACKED DIAGNOSTICS rule = CONSTRAINT_NAME;
    IF rule IS DISTINCT FROM 'aud_renewal_grace' THEN
      RAISE;
    END IF;
  END;
END
$$;
-- Hibari files a new application again (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hibari, 'new', ismap.today()) RETURNING application_id AS hibari_new2 \gset

SET ismap.today = '2024-08-08';
-- Shirakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :shirakaba_r2;

SET ismap.today = '2024-08-09';
-- Hibari's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hibari_new2;

SET ismap.today = '2024-09-05';
-- Shirakaba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :shirakaba_r2;

SET ismap.today = '2024-09-30';
-- Hibari is registered (登録) as A24-0015.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hibari_new2 RETURNING auditor_id AS hibari_auditor2 \gset

SET ismap.today = '2024-10-01';
-- Kamome files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kamome, 'renewal', ismap.today()) RETURNING application_id AS kamome_r2 \gset

SET ismap.today = '2024-10-08';
-- Kamome's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kamome_r2;

SET ismap.today = '2024-11-05';
-- Tsubasa files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tsubasa, 'renewal', ismap.today()) RETURNING application_id AS tsubasa_r2 \gset

SET ismap.today = '2024-11-08';
-- Kamome's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kamome_r2;

SET ismap.today = '2024-11-12';
-- Tsubasa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tsubasa_r2;

SET ismap.today = '2024-12-02';
-- Kohaku files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kohaku, 'renewal', ismap.today()) RETURNING application_id AS kohaku_r2 \gset

SET ismap.today = '2024-12-09';
-- Kohaku's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kohaku_r2;

SET ismap.today = '2024-12-16';
-- Tsubasa's renewal is approved (it was in renewal grace until today).
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :tsubasa_r2;

SET ismap.today = '2025-01-20';
-- Kohaku's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kohaku_r2;

SET ismap.today = '2025-02-20';
-- Akebono files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :akebono_r2;

SET ismap.today = '2025-03-14';
-- Aoba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :aoba_r2;

SET ismap.today = '2025-04-03';
-- Nagisa files a renewal (登録更新申請), on the last day of its term.
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:nagisa, 'renewal', ismap.today()) RETURNING application_id AS nagisa_r2 \gset

SET ismap.today = '2025-04-10';
-- Nagisa's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :nagisa_r2;

SET ismap.today = '2025-04-25';
-- Minato files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :minato_r2;

SET ismap.today = '2025-05-12';
-- Ikazuchi files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:ikazuchi, 'renewal', ismap.today()) RETURNING application_id AS ikazuchi_r2 \gset
-- Nagisa's renewal is approved (it was in renewal grace until today).
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :nagisa_r2;

SET ismap.today = '2025-05-19';
-- Ikazuchi's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :ikazuchi_r2;

SET ismap.today = '2025-06-02';
-- Yamabuki files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:yamabuki, 'renewal', ismap.today()) RETURNING application_id AS yamabuki_r2 \gset

SET ismap.today = '2025-06-09';
-- Yamabuki's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :yamabuki_r2;

SET ismap.today = '2025-06-20';
-- Ikazuchi's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :ikazuchi_r2;

SET ismap.today = '2025-07-01';
-- Hotaru files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hotaru, 'renewal', ismap.today()) RETURNING application_id AS hotaru_r2 \gset

SET ismap.today = '2025-07-08';
-- Hotaru's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hotaru_r2;

SET ismap.today = '2025-07-14';
-- Yamabuki's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :yamabuki_r2;

SET ismap.today = '2025-07-22';
-- Shirakaba files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :shirakaba_r2;

SET ismap.today = '2025-07-30';
-- Hibari files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hibari_new2;

SET ismap.today = '2025-08-18';
-- Hotaru's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hotaru_r2;

SET ismap.today = '2025-09-19';
-- Kamome files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :kamome_r2;

SET ismap.today = '2025-10-28';
-- Tsubasa files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :tsubasa_r2;

SET ismap.today = '2026-01-13';
-- Aoba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:aoba, 'renewal', ismap.today()) RETURNING application_id AS aoba_r3 \gset

SET ismap.today = '2026-01-15';
-- Akebono files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:akebono, 'renewal', ismap.today()) RETURNING application_id AS akebono_r3 \gset

SET ismap.today = '2026-01-20';
-- Aoba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :aoba_r3;

SET ismap.today = '2026-01-22';
-- Akebono's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :akebono_r3;

SET ismap.today = '2026-02-20';
-- Akebono's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :akebono_r3;

SET ismap.today = '2026-02-24';
-- Aoba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :aoba_r3;

SET ismap.today = '2026-03-30';
-- Nagisa files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :nagisa_r2;

SET ismap.today = '2026-04-06';
-- Minato files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:minato, 'renewal', ismap.today()) RETURNING application_id AS minato_r3 \gset

SET ismap.today = '2026-04-13';
-- Minato's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :minato_r3;

SET ismap.today = '2026-04-30';
-- Ikazuchi files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :ikazuchi_r2;

SET ismap.today = '2026-05-08';
-- Minato's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :minato_r3;

SET ismap.today = '2026-05-25';
-- Yamabuki files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :yamabuki_r2;

SET ismap.today = '2026-06-15';
-- Shirakaba files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:shirakaba, 'renewal', ismap.today()) RETURNING application_id AS shirakaba_r3 \gset

SET ismap.today = '2026-06-19';
-- Hotaru files its compliance report (遵守状況報告).
UPDATE ismap.auditor_compliance_reports SET filed_on = ismap.today()
 WHERE application_id = :hotaru_r2;

SET ismap.today = '2026-06-22';
-- Shirakaba's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :shirakaba_r3;

SET ismap.today = '2026-07-01';
-- Hibari files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:hibari, 'renewal', ismap.today()) RETURNING application_id AS hibari_r2 \gset

SET ismap.today = '2026-07-08';
-- Hibari's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :hibari_r2;

SET ismap.today = '2026-07-21';
-- Shirakaba's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :shirakaba_r3;

SET ismap.today = '2026-08-10';
-- Hibari's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :hibari_r2;

SET ismap.today = '2026-08-20';
-- Kamome files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:kamome, 'renewal', ismap.today()) RETURNING application_id AS kamome_r3 \gset

SET ismap.today = '2026-08-27';
-- Kamome's application is accepted (受理).
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :kamome_r3;

SET ismap.today = '2026-09-25';
-- Kamome's renewal is approved.
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = ismap.today()
 WHERE application_id = :kamome_r3;

SET ismap.today = '2026-10-01';
-- The committee suspends Kohaku (一時停止).
INSERT INTO ismap.auditor_status_changes (auditor_id, action, effective_on, grounds)
  VALUES (:kohaku_auditor, 'suspend', ismap.today(),
          '2025-12-02 期限の遵守状況報告を運営委員会の督促後も正当な理由なく提出しないため / the compliance report due 2025-12-02 is still not filed, without good reason, despite the committee''s demand');

SET ismap.today = '2026-10-20';
-- Tsubasa files a renewal (登録更新申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:tsubasa, 'renewal', ismap.today()) RETURNING application_id AS tsubasa_r3 \gset

SET ismap.today = '2026-10-27';
-- Tsubasa's application is accepted (受理); the decision is still pending.
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :tsubasa_r3;

SET ismap.today = '2026-11-09';
-- Suzuran files a new application (登録申請).
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
  VALUES (:suzuran, 'new', ismap.today()) RETURNING application_id AS suzuran_new \gset

SET ismap.today = '2026-11-16';
-- Suzuran's application is accepted (受理); the decision is still pending.
UPDATE ismap.auditor_applications SET status = 'accepted' WHERE application_id = :suzuran_new;

COMMIT;

-- Back to the session's own day (the real one, unless the database pins
-- one, as the demo's does once loaded).
RESET ismap.today;
