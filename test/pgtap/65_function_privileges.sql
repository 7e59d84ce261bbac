-- Privileges of functions (README, "Access"): no trigger function and no
-- internal function of ismap may be executed by PUBLIC, read both from the
-- ACLs (grantee 0 is PUBLIC) and as a role with no grant at all.  Three
-- internal functions are the public lists' own: the views and the inlined
-- list function call them with the reader's rights, so PUBLIC executes
-- them; they read nothing confidential (a registration's facts given as
-- the argument, a list function's argument, an auditor's public standing).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION ismap;
SELECT plan(5);
CREATE ROLE ismap_test_nobody NOLOGIN;

CREATE TEMP VIEW public_executes AS
  SELECT p.oid, p.oid::regprocedure::text AS fn, p.prorettype = 'trigger'::regtype AS is_trigger,
         coalesce(obj_description(p.oid, 'pg_proc') LIKE '内部用%', false) AS internal
    FROM pg_proc p
   WHERE p.pronamespace = 'ismap'::regnamespace
     AND EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                  WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE');

SELECT is(array(SELECT fn FROM public_executes WHERE is_trigger ORDER BY 1), '{}'::text[],
          'no trigger function of ismap is executable by PUBLIC (ACL)');
SELECT is(array(SELECT fn FROM public_executes WHERE internal AND NOT is_trigger ORDER BY 1),
          ARRAY['ismap.auditor_standing(bigint,date)', 'ismap.list_arg_given(anyelement,text,text)',
                'ismap.registration_standing(ismap.registration_facts,date,date)'],
          'the internal functions PUBLIC executes are only those the public lists call as the reader');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'ismap'::regnamespace AND p.prorettype = 'trigger'::regtype
                   AND has_function_privilege('ismap_test_nobody', p.oid, 'EXECUTE') ORDER BY 1),
          '{}'::text[], 'a role with no grant may execute no trigger function');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'ismap'::regnamespace
                   AND obj_description(p.oid, 'pg_proc') LIKE '内部用%'
                   AND has_function_privilege('ismap_test_nobody', p.oid, 'EXECUTE') ORDER BY 1),
          ARRAY['ismap.auditor_standing(bigint,date)', 'ismap.list_arg_given(anyelement,text,text)',
                'ismap.registration_standing(ismap.registration_facts,date,date)'],
          'nor any internal function but those three');
-- Nothing new becomes PUBLIC's by default: the functions PUBLIC executes
-- are the public lists and the public status functions, pinned here.
SELECT is(array(SELECT fn FROM public_executes ORDER BY 1),
          ARRAY['ismap.auditor_list_at(date)', 'ismap.auditor_list_at(date,timestamp with time zone)',
                'ismap.auditor_list_changes(date,date)', 'ismap.auditor_standing(bigint,date)',
                'ismap.auditor_status(bigint,date)', 'ismap.auditor_valid_until(date)',
                'ismap.cloud_service_list_at(date)',
                'ismap.cloud_service_list_at(date,timestamp with time zone)',
                'ismap.cloud_service_list_changes(date,date)',
                'ismap.corporate_number_is_valid(text)',
                'ismap.list_arg_given(anyelement,text,text)',
                'ismap.list_csv(text,date,text)',
                'ismap.list_digest(text,date,timestamp with time zone)',
                'ismap.list_json(text,date,timestamp with time zone)',
                'ismap.liu_service_list_at(date)',
                'ismap.liu_service_list_at(date,timestamp with time zone)',
                'ismap.registration_standing(ismap.registration_facts,date,date)',
                'ismap.service_status(bigint,date)', 'ismap.service_valid_until(date)',
                'ismap.today()'],
          'PUBLIC executes the public lists and status functions, and nothing else');

SELECT * FROM finish();
ROLLBACK;
