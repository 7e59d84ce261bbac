-- Change notices (svc_change_notice 3.8, aud_change_notice 4.7): what a
-- notice must give, whom it may concern and on which days, that it is a
-- fact never rewritten (sec_history) but for ismap.correct() of its texts,
-- when it is late, and what the lists show on the days around its
-- effective date: the values in force on each day, for the service, its
-- provider and its auditor.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
\ir helpers.psql
\ir services_helpers.psql
SELECT plan(101);
SET LOCAL ismap.today = '2024-09-01';
SET LOCAL client_min_messages = warning;

SELECT ismap_test.organization(n, name, name_en)
  FROM (VALUES (1, '架空監査法人ほしかげ', 'Hoshikage Fictional Audit Corporation'),
               (2, '架空監査法人つきよ', 'Tsukiyo Fictional Audit Corporation'),
               (11, '架空クラウド株式会社あさひ', 'Asahi Fictional Cloud K.K.'),
               (12, '架空クラウド株式会社ゆうひ', 'Yuhi Fictional Cloud K.K.'),
               (13, '架空クラウド株式会社まひる', 'Mahiru Fictional Cloud K.K.')) AS o(n, name, name_en)
 \g /dev/null
-- Auditor 1 stays registered from 2021-01-21; auditor 2 is registered on 2024-03-11.
SELECT ismap_test.lasting_auditor(100, 1, '2021-01-11', '2024-09-01') AS a \gset
SELECT ismap_test.register(200, 2, '2024-03-01', '2024-03-11') AS a2 \gset

-- Services 1, 5, 6 (provider 11): registered 2024-05-10, valid until
-- 2025-07-31; 5 is suspended from 2024-06-10, 6 removed from 2024-06-15.
-- Services 2, 3 (provider 12): registered 2023-07-03, valid until
-- 2024-07-31; 2 filed a renewal on 2024-07-20, still undecided (in
-- renewal grace from 2024-08-01), 3 expires.  Service 4 (provider 13) is
-- never registered.
SELECT ismap_test.service(n, p, format('架空届出検証サービス%s', n))
  FROM (VALUES (1, 11), (2, 12), (3, 12), (4, 13), (5, 11), (6, 11)) AS s(n, p) \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2023-04-01', '2024-03-31', '2024-04-20') FROM unnest(ARRAY[1, 5, 6]) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2024-04-25', '2024-05-10') FROM unnest(ARRAY[1, 5, 6]) AS n \g /dev/null
SELECT ismap_test.audit(n, n, :a, '2022-04-01', '2023-03-31', '2023-05-10') FROM unnest(ARRAY[2, 3]) AS n \g /dev/null
SELECT ismap_test.svc_register(100 + n, n, n, '2023-05-15', '2023-07-03') FROM unnest(ARRAY[2, 3]) AS n \g /dev/null
SELECT ismap_test.audit(12, 2, :a, '2023-04-01', '2024-03-31', '2024-05-20') \g /dev/null
SELECT ismap_test.svc_file(202, 2, '2024-07-20', 12, 'renewal') \g /dev/null
SELECT ismap_test.svc_decide(202, 'accepted', NULL) \g /dev/null
SELECT registration_id AS r1 FROM ismap.service_registrations WHERE service_id = 1 \gset
SELECT registration_id AS r5 FROM ismap.service_registrations WHERE service_id = 5 \gset
SELECT registration_id AS r6 FROM ismap.service_registrations WHERE service_id = 6 \gset
SELECT ismap_test.svc_change(:r5, 'suspend', '2024-06-10') \g /dev/null
SELECT ismap_test.svc_change(:r6, 'remove', '2024-06-15') \g /dev/null

-- A notice of a service, as an INSERT (NULL: a column left out).
CREATE FUNCTION ismap_test.svc_notice(service_id bigint, kind text, noticed_on text, effective_on text,
                                      new_name text DEFAULT NULL, new_name_en text DEFAULT NULL,
                                      new_scope text DEFAULT NULL, description text DEFAULT NULL,
                                      notice_id bigint DEFAULT NULL)
RETURNS text LANGUAGE sql AS $$
  SELECT format('INSERT INTO ismap.service_change_notices (notice_id, service_id, kind, noticed_on,'
                ' effective_on, new_name, new_name_en, new_statement_scope, description)'
                ' VALUES (%s, %L, %L, %L, %L, %L, %L, %L, %L)',
                coalesce(notice_id::text, 'DEFAULT'), service_id, kind, noticed_on, effective_on,
                new_name, new_name_en, new_scope, description)
$$;
-- A notice of an organization, as an INSERT.
CREATE FUNCTION ismap_test.org_notice(organization_id bigint, noticed_on text, effective_on text,
                                      new_name text DEFAULT NULL, new_name_en text DEFAULT NULL,
                                      description text DEFAULT NULL, notice_id bigint DEFAULT NULL)
RETURNS text LANGUAGE sql AS $$
  SELECT format('INSERT INTO ismap.organization_change_notices (notice_id, organization_id, noticed_on,'
                ' effective_on, new_name, new_name_en, description) VALUES (%s, %L, %L, %L, %L, %L, %L)',
                coalesce(notice_id::text, 'DEFAULT'), organization_id, noticed_on, effective_on,
                new_name, new_name_en, description)
$$;
-- What the list shows of a registration on a day.
CREATE FUNCTION ismap_test.shown(registration_id bigint, day date)
RETURNS TABLE (service_name text, service_name_en text, statement_scope text, provider_name text,
               provider_name_en text, auditor_name text, auditor_name_en text, status text)
LANGUAGE sql STABLE AS $$
  SELECT l.service_name, l.service_name_en, l.statement_scope, l.provider_name, l.provider_name_en,
         l.auditor_name, l.auditor_name_en, l.status::text
    FROM ismap.cloud_service_list_at(day) l WHERE l.registration_id = $1
$$;

-- ---------------------------------------------------------------------
-- What a notice of a service must give (23514 svc_change_notice)

SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2024-07-01'),
                          '23514', 'svc_change_notice', 'a notice of published information without a new value is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2024-07-01', '　'),
                          '23514', 'svc_change_notice', 'a new name of an ideographic space only is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2024-07-01', '新名称', NULL, E'\u200B'),
                          '23514', 'svc_change_notice', 'a blank new value is refused beside a good one (a zero-width space)');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2024-07-01', NULL, ''),
                          '23514', 'svc_change_notice', 'an empty new English name is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'control_change', '2024-07-01', '2024-07-01', '新名称', NULL, NULL, '基盤の移設'),
                          '23514', 'svc_change_notice', 'a control change with a new published value is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'control_change', '2024-07-01', '2024-07-01'),
                          '23514', 'svc_change_notice', 'a control change without a description is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'control_change', '2024-07-01', '2024-07-01', NULL, NULL, NULL, E' \t'),
                          '23514', 'svc_change_notice', 'a control change with a blank description is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, NULL, '2024-07-01', '2024-07-01', '新名称'),
                          '23514', 'svc_change_notice', 'a notice without a kind is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(NULL, 'published_info', '2024-07-01', '2024-07-01', '新名称'),
                          '23514', 'svc_change_notice', 'a notice without a service is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', NULL, '2024-07-01', '新名称'),
                          '23514', 'svc_change_notice', 'a notice without its notice date is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', NULL, '新名称'),
                          '23514', 'svc_change_notice', 'a notice without its effective date is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', 'infinity', '新名称'),
                          '22007', 'svc_change_notice', 'an infinite effective date is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '-infinity', '2024-07-01', '新名称'),
                          '22007', 'svc_change_notice', 'an infinite notice date is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2020-05-31', '2024-07-01', '新名称'),
                          '23514', 'svc_change_notice', 'a notice dated before the scheme started is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2020-05-31', '新名称'),
                          '23514', 'svc_change_notice', 'a change effective before the scheme started is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-09-02', '2024-09-02', '新名称'),
                          '23514', 'svc_change_notice', 'a notice dated tomorrow is refused');
SELECT ismap_test.well_reported(ismap_test.svc_notice(1, 'published_info', '2024-09-02', '2024-09-02', '新名称'),
                                'the refusal names its rule, with a detail and a hint');

-- ---------------------------------------------------------------------
-- Whom a notice of a service concerns: a service registered (valid, in
-- renewal grace or suspended) on the effective date

SELECT ismap_test.refused(ismap_test.svc_notice(99, 'published_info', '2024-07-01', '2024-07-01', '新名称'),
                          '23503', 'svc_change_notice', 'a notice of an unknown service is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(4, 'published_info', '2024-07-01', '2024-07-01', '新名称'),
                          '23514', 'svc_change_notice', 'a notice of a service never registered is refused');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'published_info', '2024-07-01', '2024-05-09', '新名称'),
                          '23514', 'svc_change_notice', 'a change effective the day before the registration is refused');
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'control_change', '2024-05-10', '2024-05-10', NULL, NULL, NULL,
                                                 '認証基盤の委託先の変更', 2001),
                           'a control change effective on the registration day is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(3, 'published_info', '2024-08-01', '2024-07-31', NULL, '最終日名', NULL, NULL, 2002),
                           'a change effective on the last valid day is accepted');
SELECT ismap_test.refused(ismap_test.svc_notice(3, 'published_info', '2024-08-02', '2024-08-01', '失効後名'),
                          '23514', 'svc_change_notice', 'a change effective the day after expiry is refused');
SELECT ismap_test.accepted(ismap_test.svc_notice(2, 'published_info', '2024-08-02', '2024-08-01', NULL, NULL, '更新審査中の範囲', NULL, 2003),
                           'a change effective in renewal grace is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(5, 'control_change', '2024-07-01', '2024-06-20', NULL, NULL, NULL, '一時停止中の是正措置', 2004),
                           'a notice of a suspended registration is accepted (still registered)');
SELECT ismap_test.refused(ismap_test.svc_notice(6, 'published_info', '2024-07-01', '2024-06-15', '削除日名'),
                          '23514', 'svc_change_notice', 'a change effective on the removal day is refused');
SELECT ismap_test.accepted(ismap_test.svc_notice(6, 'control_change', '2024-07-01', '2024-06-14', NULL, NULL, NULL, '削除前日の変更', 2005),
                           'a change effective the day before the removal is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'control_change', '2024-09-01', '2025-07-31', NULL, NULL, NULL, '予告された変更', 2006),
                           'a change announced ahead for the last day of the term is accepted');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'control_change', '2024-09-01', '2025-08-01', NULL, NULL, NULL, '期間後の変更'),
                          '23514', 'svc_change_notice', 'a change announced for a day after the term ends is refused');
SELECT is((ismap_test.error_of(ismap_test.svc_notice(3, 'published_info', '2024-08-02', '2024-08-01', '失効後名'))).detail,
          'No registration of service 架空届出検証サービス3 (service_id 3) is valid, in renewal grace or suspended on 2024-08-01; its latest, C23-0005-1 (架空届出検証サービス3, registration_id 5), had expired that day.',
          'the refusal says how the registration stood that day');

-- ---------------------------------------------------------------------
-- Notices of organizations: a new name or English name, of an organization
-- with a registered auditor (aud_change_notice) or a registered service
-- (svc_change_notice, a provider's notice) on the effective date

SELECT ismap_test.refused(ismap_test.org_notice(1, '2024-07-01', '2024-07-01', NULL, NULL, '名称の変更'),
                          '23514', 'aud_change_notice', 'an auditor''s notice without a new name is refused');
SELECT ismap_test.refused(ismap_test.org_notice(11, '2024-07-01', '2024-07-01', NULL, NULL, '名称の変更'),
                          '23514', 'svc_change_notice', 'a provider''s notice without a new name is refused (under 3.8)');
SELECT ismap_test.refused(ismap_test.org_notice(1, '2024-07-01', '2024-07-01', ' '),
                          '23514', 'aud_change_notice', 'a blank new name is refused');
SELECT ismap_test.refused(ismap_test.org_notice(1, '2024-07-01', 'infinity', '新法人名'),
                          '22007', 'aud_change_notice', 'an infinite effective date is refused');
SELECT ismap_test.refused(ismap_test.org_notice(1, '2024-09-02', '2024-07-01', '新法人名'),
                          '23514', 'aud_change_notice', 'a notice dated tomorrow is refused');
SELECT ismap_test.refused(ismap_test.org_notice(99, '2024-07-01', '2024-07-01', '新法人名'),
                          '23503', 'svc_change_notice', 'a notice of an unknown organization is refused');
SELECT ismap_test.refused(ismap_test.org_notice(13, '2024-07-01', '2024-07-01', '新法人名'),
                          '23514', 'svc_change_notice', 'a notice of a provider with no registered service is refused');
SELECT ismap_test.refused(ismap_test.org_notice(2, '2024-03-20', '2024-03-10', '新法人名'),
                          '23514', 'aud_change_notice', 'an auditor''s change effective the day before its registration is refused');
SELECT ismap_test.accepted(ismap_test.org_notice(2, '2024-03-20', '2024-03-11', NULL, 'Tsukiyo Fictional Audit LLC', NULL, 3001),
                           'an auditor''s change effective on its registration day is accepted');
SELECT ismap_test.accepted(ismap_test.org_notice(12, '2024-08-05', '2024-08-01', NULL, 'Yuhi Fictional Cloud Holdings', NULL, 3002),
                           'a provider whose only registered service is in renewal grace may notify');
SELECT ismap_test.refused(ismap_test.org_notice(12, '2024-09-01', '2023-07-02', '前の名'),
                          '23514', 'svc_change_notice', 'but not for a day before any of its services was registered');

-- ---------------------------------------------------------------------
-- The lists show the values in force on each day

-- An auditor's new name and English name from 2024-04-01, notified on 2024-04-05.
SELECT ismap_test.accepted(ismap_test.org_notice(1, '2024-04-05', '2024-04-01', '架空監査法人ほしかげ有限責任',
                                                 'Hoshikage Fictional Audit LLC', '法人の種類の変更', 3003),
                           'an auditor''s rename is accepted');
SELECT results_eq(
  format($$SELECT d, l.name, l.name_en FROM unnest('{2024-03-31,2024-04-01,2024-04-02}'::date[]) d,
                  ismap.auditor_list_at(d) l WHERE l.auditor_id = %s ORDER BY d$$, :a),
  $$VALUES ('2024-03-31'::date, '架空監査法人ほしかげ', 'Hoshikage Fictional Audit Corporation'),
           ('2024-04-01', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC'),
           ('2024-04-02', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC')$$,
  'the auditor list shows the old name the day before the effective date, the new one from it');
SELECT results_eq(format($$SELECT name, name_en FROM ismap.auditor_list WHERE auditor_id = %s$$, :a),
                  $$VALUES ('架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC')$$,
                  'and today''s list the new one');
SELECT is((SELECT name FROM ismap.organizations WHERE organization_id = 1), '架空監査法人ほしかげ',
          'the organization''s row keeps the value first recorded');

-- A provider's rename effective 2024-05-20, notified late on 2024-08-25.
SELECT ismap_test.accepted(ismap_test.org_notice(11, '2024-08-25', '2024-05-20', '架空クラウドあさひホールディングス株式会社',
                                                 NULL, NULL, 3004),
                           'a provider''s rename notified late is accepted');
-- The service's new name from 2024-07-01, announced on 2024-06-20.
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'published_info', '2024-06-20', '2024-07-01', '架空あさひストレージ',
                                                 NULL, NULL, 'サービス名称の変更', 1001),
                           'a service''s rename announced ahead is accepted');
-- Its English name and statement scope from 2024-08-01, in two notices of that day.
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'published_info', '2024-08-20', '2024-08-01', NULL,
                                                 'Asahi Fictional Storage', NULL, NULL, 1002),
                           'a notice of only a new English name is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'published_info', '2024-08-20', '2024-08-01', NULL, NULL,
                                                 '架空あさひストレージの提供に係る全ての業務', NULL, 1003),
                           'a notice of only a new statement scope, of the same day, is accepted');
-- A control change on 2024-08-10 changes nothing the list shows.
SELECT ismap_test.accepted(ismap_test.svc_notice(1, 'control_change', '2024-08-10', '2024-08-10', NULL, NULL, NULL,
                                                 'データセンターの移転', 1004),
                           'a control change is accepted');

SELECT results_eq(
  format($$SELECT d, l.* FROM unnest('{2024-05-19,2024-05-20,2024-06-30,2024-07-01,2024-07-02,2024-07-31,2024-08-01,2024-08-10,2024-09-01}'::date[]) d,
                  ismap_test.shown(%s, d) l ORDER BY d$$, :r1),
  $$VALUES ('2024-05-19'::date, '架空届出検証サービス1', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウド株式会社あさひ', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-05-20', '架空届出検証サービス1', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-06-30', '架空届出検証サービス1', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-07-01', '架空あさひストレージ', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-07-02', '架空あさひストレージ', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-07-31', '架空あさひストレージ', 'Fictional Service 1', '架空届出検証サービス1の提供に係る全ての業務及び基盤',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-08-01', '架空あさひストレージ', 'Asahi Fictional Storage', '架空あさひストレージの提供に係る全ての業務',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-08-10', '架空あさひストレージ', 'Asahi Fictional Storage', '架空あさひストレージの提供に係る全ての業務',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid'),
           ('2024-09-01', '架空あさひストレージ', 'Asahi Fictional Storage', '架空あさひストレージの提供に係る全ての業務',
            '架空クラウドあさひホールディングス株式会社', 'Asahi Fictional Cloud K.K.', '架空監査法人ほしかげ有限責任', 'Hoshikage Fictional Audit LLC', 'valid')$$,
  'the service list shows each value from its effective date on: the provider''s (notified late), the service''s name (announced ahead), its English name and scope; a partial notice leaves the other values; a control change none');
SELECT results_eq(
  format($$SELECT listed_from, listed_until, service_name, provider_name, status::text
             FROM ismap.cloud_service_list_periods WHERE registration_id = %s ORDER BY listed_from$$, :r1),
  $$VALUES ('2024-05-10'::date, '2024-05-19'::date, '架空届出検証サービス1', '架空クラウド株式会社あさひ', 'valid'),
           ('2024-05-20', '2024-06-30', '架空届出検証サービス1', '架空クラウドあさひホールディングス株式会社', 'valid'),
           ('2024-07-01', '2024-07-31', '架空あさひストレージ', '架空クラウドあさひホールディングス株式会社', 'valid'),
           ('2024-08-01', '2025-07-31', '架空あさひストレージ', '架空クラウドあさひホールディングス株式会社', 'valid')$$,
  'its list period is cut where each notice takes effect, and nowhere else');
SELECT results_eq(format($$SELECT service_name, provider_name FROM ismap.cloud_service_list WHERE registration_id = %s$$, :r1),
                  $$VALUES ('架空あさひストレージ', '架空クラウドあさひホールディングス株式会社')$$,
                  'today''s list shows today''s values');
SELECT results_eq(format($$SELECT d, provider_name, status::text FROM unnest('{2024-05-19,2024-05-20,2024-06-10}'::date[]) d,
                                  ismap_test.shown(%s, d) ORDER BY d$$, :r5),
                  $$VALUES ('2024-05-19'::date, '架空クラウド株式会社あさひ', 'valid'),
                           ('2024-05-20', '架空クラウドあさひホールディングス株式会社', 'valid'),
                           ('2024-06-10', '架空クラウドあさひホールディングス株式会社', 'suspended')$$,
                  'the provider''s new name shows on every service it provides, suspended ones included');
SELECT is((SELECT name FROM ismap.cloud_services WHERE service_id = 1), '架空届出検証サービス1',
          'the service''s row keeps the value first recorded');
SELECT results_eq($$SELECT s.service_id, s.valid_from, s.valid_until, s.name, s.name_en, s.statement_scope
                      FROM ismap.service_published_values s WHERE s.service_id = 1 ORDER BY s.valid_from$$,
                  $$VALUES (1::bigint, '-infinity'::date, '2024-06-30'::date, '架空届出検証サービス1', 'Fictional Service 1',
                            '架空届出検証サービス1の提供に係る全ての業務及び基盤'),
                           (1, '2024-07-01', '2024-07-31', '架空あさひストレージ', 'Fictional Service 1',
                            '架空届出検証サービス1の提供に係る全ての業務及び基盤'),
                           (1, '2024-08-01', 'infinity', '架空あさひストレージ', 'Asahi Fictional Storage',
                            '架空あさひストレージの提供に係る全ての業務')$$,
                  'service_published_values: the values first recorded, then one period per day a notice of published information takes effect');
SELECT results_eq($$SELECT o.valid_from, o.valid_until, o.name, o.name_en
                      FROM ismap.organization_published_values o WHERE o.organization_id = 13$$,
                  $$VALUES ('-infinity'::date, 'infinity'::date, '架空クラウド株式会社まひる', 'Mahiru Fictional Cloud K.K.')$$,
                  'organization_published_values: one period for an organization without notices');

-- Two notices of one service effective the same day: the last recorded wins.
SELECT ismap_test.accepted(ismap_test.svc_notice(5, 'published_info', '2024-06-01', '2024-06-01', '架空ごご一', NULL, NULL, NULL, 1005),
                           'a rename of service 5 is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(5, 'published_info', '2024-06-02', '2024-06-01', '架空ごご二', NULL, NULL, NULL, 1006),
                           'a second rename effective the same day is accepted');
SELECT results_eq(format($$SELECT d, service_name FROM unnest('{2024-05-31,2024-06-01}'::date[]) d,
                                  ismap_test.shown(%s, d) ORDER BY d$$, :r5),
                  $$VALUES ('2024-05-31'::date, '架空届出検証サービス5'), ('2024-06-01', '架空ごご二')$$,
                  'of two notices effective the same day, the last recorded shows');

-- The list as the registry knew it (everything here is recorded in one
-- transaction, so as known now; the moments before a notice are in
-- test/pgtap/52_lists_follow_notices.sql).
SELECT set_eq($$SELECT * FROM unnest('{2024-05-19,2024-05-20,2024-07-01,2024-08-01}'::date[]) d, ismap.cloud_service_list_at(d, now())$$,
              $$SELECT * FROM unnest('{2024-05-19,2024-05-20,2024-07-01,2024-08-01}'::date[]) d, ismap.cloud_service_list_at(d)$$,
              'the service list as known now, rebuilt from the log, shows the same values');
SELECT set_eq($$SELECT * FROM unnest('{2024-03-31,2024-04-01}'::date[]) d, ismap.auditor_list_at(d, now())$$,
              $$SELECT * FROM unnest('{2024-03-31,2024-04-01}'::date[]) d, ismap.auditor_list_at(d)$$,
              'so does the auditor list');

-- What changed between two days.
SELECT results_eq($$SELECT registration_number, service_name, change, reason
                      FROM ismap.cloud_service_list_changes('2024-06-30', '2024-07-01')$$,
                  $$VALUES ('C24-0001-1', '架空あさひストレージ', 'published_info_changed',
                            'published information changed: service name ''架空届出検証サービス1'' → ''架空あさひストレージ''')$$,
                  'a rename taking effect is a change of the entry, with the old and new values');
SELECT results_eq($$SELECT registration_number, change, reason
                      FROM ismap.cloud_service_list_changes('2024-05-19', '2024-05-20') ORDER BY 1$$,
                  $$VALUES ('C24-0001-1', 'published_info_changed',
                            'published information changed: provider ''架空クラウド株式会社あさひ'' → ''架空クラウドあさひホールディングス株式会社'''),
                           ('C24-0002-1', 'published_info_changed',
                            'published information changed: provider ''架空クラウド株式会社あさひ'' → ''架空クラウドあさひホールディングス株式会社'''),
                           ('C24-0003-1', 'published_info_changed',
                            'published information changed: provider ''架空クラウド株式会社あさひ'' → ''架空クラウドあさひホールディングス株式会社''')$$,
                  'a provider''s rename changes the entry of each of its services');
SELECT results_eq(format($$SELECT name, change, reason FROM ismap.auditor_list_changes('2024-03-31', '2024-04-01')
                             WHERE registration_number = (SELECT registration_number FROM ismap.auditors WHERE auditor_id = %s)$$, :a),
                  $$VALUES ('架空監査法人ほしかげ有限責任', 'published_info_changed',
                            'published information changed: name ''架空監査法人ほしかげ'' → ''架空監査法人ほしかげ有限責任''; English name ''Hoshikage Fictional Audit Corporation'' → ''Hoshikage Fictional Audit LLC''')$$,
                  'an auditor''s rename is a change of its entry');
SELECT is((SELECT count(*) FROM ismap.cloud_service_list_changes('2024-08-09', '2024-08-10')), 0::bigint,
          'a control change changes no entry');
SELECT results_eq(format($$SELECT name FROM ismap.upcoming_expiries('2 years', '2024-06-30')
                            WHERE list = 'cloud_service' AND registration_id = %s$$, :r1),
                  $$VALUES ('架空届出検証サービス1')$$, 'the reminders name a service by its name on their day');
SELECT results_eq(format($$SELECT name FROM ismap.upcoming_expiries('2 years', '2024-07-01')
                            WHERE list = 'cloud_service' AND registration_id = %s$$, :r1),
                  $$VALUES ('架空あさひストレージ')$$, '(its new name from the effective date)');

-- ---------------------------------------------------------------------
-- Late notices: due change_notice_days (30 days) after the effective date

SELECT is(ismap.change_notice_due('2024-07-01'), '2024-07-31'::date, 'a change effective 2024-07-01 is due on 2024-07-31');
SELECT is(ismap.change_notice_due('2024-01-30'), '2024-02-29'::date, 'thirty days after 2024-01-30 is the leap day');
SELECT is(ismap.change_notice_due('2023-01-30'), '2023-03-01'::date, 'and 2023-03-01 in a common year');
SELECT ismap_test.refused($$SELECT ismap.change_notice_due('infinity')$$, '22007', 'svc_change_notice',
                          'no due date is counted from an infinite date');
SELECT is(ismap.change_notice_due(NULL), NULL, 'nor from a null one');
SELECT ismap_test.accepted(ismap_test.svc_notice(2, 'published_info', '2024-07-31', '2024-07-01', NULL, 'Due Day Name', NULL, NULL, 1007),
                           'a notice filed on its due day is accepted');
SELECT ismap_test.accepted(ismap_test.svc_notice(3, 'published_info', '2024-08-01', '2024-07-01', NULL, 'Day After Name', NULL, NULL, 1008),
                           'a notice filed the day after is accepted');
SELECT results_eq($$SELECT kind, registration_number, due_on, filed_on, days_late, item_id FROM ismap.late_filings
                     WHERE kind LIKE '%change_notice' ORDER BY item_id$$,
                  $$VALUES ('service_change_notice', 'C23-0005-1', '2024-07-31'::date, '2024-08-01'::date, 1, 1008::bigint),
                           ('organization_change_notice', NULL, '2024-06-19', '2024-08-25', 67, 3004)$$,
                  'the one filed after its due date is late, as is the provider''s rename notified in August');
UPDATE ismap.settings SET value = '10 days' WHERE name = 'change_notice_days';
SELECT is(ismap.change_notice_due('2024-07-01'), '2024-07-11'::date, 'change_notice_days is a setting');
UPDATE ismap.settings SET value = '30 days' WHERE name = 'change_notice_days';

-- ---------------------------------------------------------------------
-- A notice is a fact (sec_history)

SELECT ismap_test.refused($$UPDATE ismap.service_change_notices SET new_name = '書換え' WHERE notice_id = 1001$$,
                          '55000', 'sec_history', 'a notice is never rewritten');
SELECT ismap_test.refused($$UPDATE ismap.organization_change_notices SET effective_on = '2024-05-21' WHERE notice_id = 3004$$,
                          '55000', 'sec_history', 'nor its effective date moved');
SELECT ismap_test.refused($$DELETE FROM ismap.service_change_notices WHERE notice_id = 1001$$,
                          '55000', 'sec_history', 'a notice is never deleted');
SELECT ismap_test.refused($$DELETE FROM ismap.organization_change_notices WHERE notice_id = 3004$$,
                          '55000', 'sec_history', 'nor an organization''s');
SELECT ismap_test.refused($$TRUNCATE ismap.service_change_notices$$, '55000', 'sec_history', 'nor truncated');
SELECT is((SELECT count(*) FROM ismap.history WHERE table_name = 'service_change_notices' AND row_key = '1001'
                                                 AND operation = 'INSERT'), 1::bigint,
          'a notice is in the log');

-- ismap.correct() fixes a mistyped text, and nothing else.
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.service_change_notices', 1001,
                                                  '{"new_name": "架空あさひストレージサービス"}', '届出書の転記誤り')$$,
                           'a mistyped new name is corrected with a reason');
SELECT results_eq(format($$SELECT d, service_name FROM unnest('{2024-06-30,2024-07-01}'::date[]) d,
                                  ismap_test.shown(%s, d) ORDER BY d$$, :r1),
                  $$VALUES ('2024-06-30'::date, '架空届出検証サービス1'), ('2024-07-01', '架空あさひストレージサービス')$$,
                  'the list shows the corrected value from the same effective date');
SELECT is((SELECT reason FROM ismap.history WHERE table_name = 'service_change_notices' AND row_key = '1001'
                                              AND operation = 'UPDATE'), '届出書の転記誤り',
          'the log keeps the correction and its reason');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.service_change_notices', 2001,
                                                  '{"description": "認証基盤の委託先の変更（再委託を含む）"}', '記載漏れ')$$,
                           'a description is corrected');
SELECT ismap_test.accepted($$SELECT ismap.correct('ismap.organization_change_notices', 3003,
                                                  '{"new_name_en": "Hoshikage Fictional Audit L.L.C."}', '表記の誤り')$$,
                           'an organization''s new English name is corrected');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_change_notices', 1001,
                                                 '{"effective_on": "2024-07-02"}', '日付の誤り')$$,
                          '22023', 'sec_history', 'the effective date is not a text to correct (a new notice is)');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_change_notices', 1001,
                                                 '{"new_name_en": "Asahi Storage"}', '追記')$$,
                          '55000', 'sec_history', 'a correction cannot add a value the notice did not give');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_change_notices', 1002,
                                                 '{"new_name_en": null}', '取消し')$$,
                          '55000', 'sec_history', 'nor remove one it gave');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_change_notices', 1001,
                                                 '{"new_name": " "}', '誤り')$$,
                          '23514', 'svc_change_notice', 'nor make one blank');
SELECT ismap_test.refused($$SELECT ismap.correct('ismap.service_change_notices', 2001,
                                                 '{"description": ""}', '誤り')$$,
                          '23514', 'svc_change_notice', 'nor blank the description of a control change');

-- References: a notice keeps what it refers to (a restored notice, as the
-- only row that refers to an organization).
SELECT ismap_test.organization(14, '架空クラウド株式会社よあけ') \g /dev/null
SET LOCAL session_replication_role = replica;
INSERT INTO ismap.organization_change_notices (notice_id, organization_id, noticed_on, effective_on, new_name)
VALUES (3999, 14, '2024-08-01', '2024-08-01', '架空よあけ');
SET LOCAL session_replication_role = origin;
SELECT ismap_test.refused($$DELETE FROM ismap.organizations WHERE organization_id = 14$$, '23503', 'sec_history',
                          'an organization a notice refers to is not deleted');
SELECT is((ismap_test.error_of($$DELETE FROM ismap.organizations WHERE organization_id = 14$$)).detail,
            'The change notice 3999 refers to it.', 'the refusal names the notice');

-- ---------------------------------------------------------------------
-- Notices are confidential; the values they give are public on the lists

CREATE ROLE ismap_test_public_51 NOLOGIN;
SET LOCAL ROLE ismap_test_public_51;
SELECT ismap_test.refused($$SELECT * FROM ismap.service_change_notices$$, '42501', NULL, 'the public cannot read service notices');
SELECT ismap_test.refused($$SELECT * FROM ismap.organization_change_notices$$, '42501', NULL, 'nor organization notices');
SELECT ismap_test.refused($$SELECT * FROM ismap.service_published_values$$, '42501', NULL, 'nor the published values of every service');
SELECT ismap_test.refused(ismap_test.svc_notice(1, 'control_change', '2024-09-01', '2024-09-01', NULL, NULL, NULL, '変更'),
                          '42501', NULL, 'nor file a notice');
SELECT results_eq(format($$SELECT service_name, provider_name, auditor_name FROM ismap.cloud_service_list_at('2024-07-01')
                            WHERE registration_id = %s$$, :r1),
                  $$VALUES ('架空あさひストレージサービス', '架空クラウドあさひホールディングス株式会社', '架空監査法人ほしかげ有限責任')$$,
                  'but reads the names in force on the list');
SELECT results_eq(format($$SELECT name_en FROM ismap.auditor_list_at('2024-04-01') WHERE auditor_id = %s$$, :a),
                  $$VALUES ('Hoshikage Fictional Audit L.L.C.')$$, 'and on the auditor list');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
