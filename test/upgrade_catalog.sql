-- The catalog of extension ismap as facts, one line each, sorted, free of
-- OIDs, so that two databases can be compared with diff (test/upgrade.sh:
-- a database updated from 0.1.0 against a fresh CREATE EXTENSION ismap).
--
-- The scope is everything that belongs to the extension: its members
-- (pg_depend deptype 'e'), whatever lives in the schemas it owns, and what
-- hangs off those (columns, constraints, indexes, triggers, policies,
-- rules, comments, privileges).  Objects are named, never numbered; texts
-- that may span lines (function bodies, view definitions, comments) are
-- printed as JSON strings, so a fact stays on one line.
--
-- Run with: psql -X -A -t -q -v ON_ERROR_STOP=1 -f test/upgrade_catalog.sql

-- With only pg_catalog on the path, every name of schema ismap prints
-- qualified, in both databases alike.
SET search_path = pg_catalog;

WITH
ext AS (SELECT * FROM pg_extension WHERE extname = 'ismap'),
members AS (
  SELECT d.classid, d.objid, d.objsubid
    FROM pg_depend d JOIN ext ON d.refobjid = ext.oid
   WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'),
nsps AS (
  SELECT * FROM pg_namespace
   WHERE oid IN (SELECT objid FROM members WHERE classid = 'pg_namespace'::regclass)),
rels AS (
  SELECT * FROM pg_class
   WHERE relnamespace IN (SELECT oid FROM nsps)
      OR oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)),
types AS (
  SELECT * FROM pg_type
   WHERE typnamespace IN (SELECT oid FROM nsps)
      OR oid IN (SELECT objid FROM members WHERE classid = 'pg_type'::regclass)),
funcs AS (
  SELECT * FROM pg_proc
   WHERE pronamespace IN (SELECT oid FROM nsps)
      OR oid IN (SELECT objid FROM members WHERE classid = 'pg_proc'::regclass)),
cons AS (
  SELECT * FROM pg_constraint
   WHERE conrelid IN (SELECT oid FROM rels) OR contypid IN (SELECT oid FROM types)),
trigs AS (SELECT * FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM rels)),
pols AS (SELECT * FROM pg_policy WHERE polrelid IN (SELECT oid FROM rels)),
rules AS (SELECT * FROM pg_rewrite WHERE ev_class IN (SELECT oid FROM rels)),
-- Every object above, for the comments and the initial privileges.
objects (classid, objid) AS (
  SELECT classid, objid FROM members
  UNION SELECT 'pg_extension'::regclass, oid FROM ext
  UNION SELECT 'pg_namespace'::regclass, oid FROM nsps
  UNION SELECT 'pg_class'::regclass, oid FROM rels
  UNION SELECT 'pg_type'::regclass, oid FROM types
  UNION SELECT 'pg_proc'::regclass, oid FROM funcs
  UNION SELECT 'pg_constraint'::regclass, oid FROM cons
  UNION SELECT 'pg_trigger'::regclass, oid FROM trigs
  UNION SELECT 'pg_policy'::regclass, oid FROM pols
  UNION SELECT 'pg_rewrite'::regclass, oid FROM rules),
facts (fact) AS (
  -- The extension itself.
  SELECT format('extension %s version %s relocatable %s schema %s owner %s',
                extname, extversion, extrelocatable, extnamespace::regnamespace,
                pg_get_userbyid(extowner))
    FROM ext
  UNION ALL
  SELECT format('extension requires %s', r.extname)
    FROM pg_depend d JOIN ext ON d.objid = ext.oid JOIN pg_extension r ON r.oid = d.refobjid
   WHERE d.classid = 'pg_extension'::regclass AND d.refclassid = 'pg_extension'::regclass
  UNION ALL
  -- Configuration tables, in the order pg_extension_config_dump named them.
  SELECT format('extension config %s: %s where %s', lpad(c.n::text, 3, '0'), c.tab::regclass, to_json(c.cond))
    FROM ext, unnest(ext.extconfig, ext.extcondition) WITH ORDINALITY AS c (tab, cond, n)
  UNION ALL
  SELECT format('member %s %s', o.type, o.identity)
    FROM members m, pg_identify_object(m.classid, m.objid, m.objsubid) o
  UNION ALL
  SELECT format('schema %s owner %s acl %s', quote_ident(nspname), pg_get_userbyid(nspowner), nspacl)
    FROM nsps
  UNION ALL
  SELECT format('default acl in %s for %s on %s: %s',
                quote_ident(n.nspname), pg_get_userbyid(a.defaclrole), a.defaclobjtype, a.defaclacl)
    FROM pg_default_acl a JOIN nsps n ON n.oid = a.defaclnamespace
  UNION ALL
  -- Relations: tables, views, sequences, indexes, composite types.
  SELECT format('relation %s kind %s persistence %s owner %s am %s tablespace %s acl %s options %s '
                'rls %s force_rls %s replident %s of_type %s partition_key %s partition_of %s',
                c.oid::regclass, c.relkind, c.relpersistence, pg_get_userbyid(c.relowner),
                am.amname, ts.spcname, c.relacl, c.reloptions,
                c.relrowsecurity, c.relforcerowsecurity, c.relreplident,
                nullif(c.reloftype, 0)::regtype,
                CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                (SELECT string_agg(i.inhparent::regclass::text || ' ' ||
                                   coalesce(pg_get_expr(c.relpartbound, c.oid), ''),
                                   ', ' ORDER BY i.inhseqno)
                   FROM pg_inherits i WHERE i.inhrelid = c.oid))
    FROM rels c
    LEFT JOIN pg_am am ON am.oid = c.relam
    LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
  UNION ALL
  -- Columns by attnum, dropped ones included: the extension writes some
  -- tables' rows straight to the heap in this layout, and refuses a table
  -- with a dropped column (src/direct_insert.c).  This server records in
  -- every column's options a pg_attver=N, the WAL position at which the
  -- column was made (pg_dump --binary-upgrade carries it over with
  -- binary_upgrade_set_next_attribute_versions): like an OID it differs
  -- between any two databases, so it is left out.
  SELECT format('column %s %s %s type %s notnull %s default %s identity %s generated %s '
                'collation %s acl %s storage %s compression %s stattarget %s options %s '
                'local %s inherited %s dropped %s',
                a.attrelid::regclass, lpad(a.attnum::text, 3, '0'), quote_ident(a.attname),
                format_type(a.atttypid, a.atttypmod), a.attnotnull,
                pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                nullif(a.attcollation, 0)::regcollation, a.attacl, a.attstorage,
                a.attcompression, a.attstattarget,
                array(SELECT o FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%'),
                a.attislocal, a.attinhcount, a.attisdropped)
    FROM pg_attribute a
    JOIN rels c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attnum > 0 AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f')
  UNION ALL
  SELECT format('constraint %s %s type %s %s deferrable %s deferred %s validated %s local %s noinherit %s',
                CASE WHEN conrelid <> 0 THEN conrelid::regclass::text ELSE contypid::regtype::text END,
                quote_ident(conname), contype, pg_get_constraintdef(oid),
                condeferrable, condeferred, convalidated, conislocal, connoinherit)
    FROM cons
  UNION ALL
  SELECT format('index %s: %s primary %s unique %s clustered %s replident %s valid %s',
                i.indexrelid::regclass, pg_get_indexdef(i.indexrelid), i.indisprimary,
                i.indisunique, i.indisclustered, i.indisreplident, i.indisvalid)
    FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM rels)
  UNION ALL
  SELECT format('view %s: %s', oid::regclass, to_json(pg_get_viewdef(oid, true)))
    FROM rels WHERE relkind IN ('v', 'm')
  UNION ALL
  SELECT format('sequence %s type %s start %s increment %s min %s max %s cache %s cycle %s',
                s.seqrelid::regclass, s.seqtypid::regtype, s.seqstart, s.seqincrement,
                s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
    FROM pg_sequence s WHERE s.seqrelid IN (SELECT oid FROM rels)
  UNION ALL
  -- Which column owns a sequence: 'a' for OWNED BY, 'i' for an identity.
  SELECT format('sequence %s owned by %s.%s (%s)',
                d.objid::regclass, d.refobjid::regclass, quote_ident(a.attname), d.deptype)
    FROM pg_depend d
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
   WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
     AND d.objid IN (SELECT oid FROM rels WHERE relkind = 'S')
     AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
  UNION ALL
  SELECT format('type %s type %s category %s owner %s acl %s relation %s element %s array %s '
                'base %s notnull %s default %s collation %s',
                t.oid::regtype, t.typtype, t.typcategory, pg_get_userbyid(t.typowner), t.typacl,
                nullif(t.typrelid, 0)::regclass, nullif(t.typelem, 0)::regtype,
                nullif(t.typarray, 0)::regtype,
                CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                t.typnotnull, t.typdefault, nullif(t.typcollation, 0)::regcollation)
    FROM types t
  UNION ALL
  SELECT format('enum %s label %s %s', e.enumtypid::regtype,
                lpad((row_number() OVER (PARTITION BY e.enumtypid ORDER BY e.enumsortorder))::text, 3, '0'),
                quote_literal(e.enumlabel))
    FROM pg_enum e WHERE e.enumtypid IN (SELECT oid FROM types)
  UNION ALL
  SELECT format('function %s.%s(%s) arguments %s returns %s kind %s volatile %s parallel %s '
                'security_definer %s leakproof %s strict %s returns_set %s cost %s rows %s '
                'support %s language %s owner %s config %s acl %s',
                p.pronamespace::regnamespace, quote_ident(p.proname),
                pg_get_function_identity_arguments(p.oid), pg_get_function_arguments(p.oid),
                pg_get_function_result(p.oid), p.prokind, p.provolatile, p.proparallel,
                p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.procost, p.prorows,
                nullif(p.prosupport, 0)::regproc, l.lanname, pg_get_userbyid(p.proowner),
                p.proconfig, p.proacl)
    FROM funcs p JOIN pg_language l ON l.oid = p.prolang
  UNION ALL
  SELECT format('function %s source %s binary %s', p.oid::regprocedure, to_json(p.prosrc), p.probin)
    FROM funcs p
  UNION ALL
  -- pg_get_functiondef refuses aggregates; their definition is the rest.
  SELECT format('function %s definition %s', p.oid::regprocedure, to_json(pg_get_functiondef(p.oid)))
    FROM funcs p WHERE p.prokind <> 'a'
  UNION ALL
  SELECT format('trigger %s %s: %s enabled %s', tgrelid::regclass, quote_ident(tgname),
                pg_get_triggerdef(oid), tgenabled)
    FROM trigs WHERE NOT tgisinternal
  UNION ALL
  -- Internal triggers (those of foreign keys) are named by OID; they are
  -- shown by their constraint instead.
  SELECT format('internal trigger %s for constraint %s: %s type %s enabled %s',
                t.tgrelid::regclass, quote_ident(c.conname), t.tgfoid::regproc, t.tgtype, t.tgenabled)
    FROM trigs t LEFT JOIN pg_constraint c ON c.oid = t.tgconstraint
   WHERE t.tgisinternal
  UNION ALL
  SELECT format('policy %s.%s %s: %s %s roles %s using %s check %s',
                quote_ident(schemaname), quote_ident(tablename), quote_ident(policyname),
                permissive, cmd, roles, qual, with_check)
    FROM pg_policies WHERE schemaname IN (SELECT nspname FROM nsps)
  UNION ALL
  -- A view's own _RETURN rule is its definition, shown above.
  SELECT format('rule %s %s: %s enabled %s', ev_class::regclass, quote_ident(rulename),
                to_json(pg_get_ruledef(oid, true)), ev_enabled)
    FROM rules WHERE rulename <> '_RETURN'
  UNION ALL
  SELECT format('statistics %s', pg_get_statisticsobjdef(oid))
    FROM pg_statistic_ext WHERE stxrelid IN (SELECT oid FROM rels)
  UNION ALL
  -- Event triggers are per database; a test database has only the extension's.
  SELECT format('event trigger %s on %s: %s enabled %s tags %s',
                quote_ident(evtname), evtevent, evtfoid::regproc, evtenabled, evttags)
    FROM pg_event_trigger
  UNION ALL
  SELECT format('comment on %s: %s', pg_describe_object(d.classoid, d.objoid, d.objsubid),
                to_json(d.description))
    FROM pg_description d JOIN objects o ON o.classid = d.classoid AND o.objid = d.objoid
  UNION ALL
  -- The privileges as the extension's scripts left them: pg_dump dumps the
  -- changes made since, so these must agree too.
  SELECT format('initial privileges on %s (%s): %s',
                pg_describe_object(i.classoid, i.objoid, i.objsubid), i.privtype, i.initprivs)
    FROM pg_init_privs i JOIN objects o ON o.classid = i.classoid AND o.objid = i.objoid
)
SELECT fact FROM facts ORDER BY fact COLLATE "C";
