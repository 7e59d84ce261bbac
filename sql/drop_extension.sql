--
-- drop_extension: DROP EXTENSION ismap leaves nothing behind, and the
-- extension can be created again.
--
-- What a DBA sees:
--   * DROP EXTENSION ismap (no CASCADE needed) removes the schema ismap with
--     every table, view, sequence, type, function and trigger of the
--     extension, and the registry's data with them.
--   * No object that depended on the extension remains in the catalogs.
--   * CREATE EXTENSION ismap then starts a fresh, empty registry with the
--     default settings; registration numbers start again from 0001.
--
-- ismap.today() is pinned to 2024-08-10.
--

SET DateStyle = 'ISO, YMD';
SET ismap.today = '2024-08-10';

-- Before: the extension, its schema, and what belongs to it (OIDs kept in
-- psql variables, not shown).
SELECT e.oid AS ismap_extension, 'ismap'::regnamespace::oid AS ismap_schema
  FROM pg_extension e WHERE e.extname = 'ismap' \gset
SELECT count(*) > 0 AS has_tables FROM pg_class
 WHERE relnamespace = :ismap_schema AND relkind = 'r';
SELECT count(*) > 0 AS has_types FROM pg_type WHERE typnamespace = :ismap_schema;
SELECT count(*) > 0 AS has_functions FROM pg_proc WHERE pronamespace = :ismap_schema;
SELECT count(*) > 0 AS has_dependents FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass AND refobjid = :ismap_extension;
SELECT count(*) > 0 AS has_c_functions FROM pg_proc WHERE probin LIKE '%ismap%';

DROP EXTENSION ismap;

--
-- After: nothing of it remains
--

-- No extension, no schema.
SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'ismap';
SELECT count(*) AS schemas FROM pg_namespace WHERE nspname = 'ismap' OR oid = :ismap_schema;
-- Nothing in the schema it had: no table, view, sequence or index, no type,
-- no function, no operator.
SELECT count(*) AS relations FROM pg_class WHERE relnamespace = :ismap_schema;
SELECT count(*) AS types FROM pg_type WHERE typnamespace = :ismap_schema;
SELECT count(*) AS functions FROM pg_proc WHERE pronamespace = :ismap_schema;
SELECT count(*) AS operators FROM pg_operator WHERE oprnamespace = :ismap_schema;
-- No type of the extension's names anywhere (e.g. listing_status).
SELECT count(*) AS enum_types FROM pg_type
 WHERE typname IN ('application_kind', 'application_status', 'listing_status',
                   'status_action', 'assessment', 'service_model', 'program');
-- No function anywhere calls the C library.
SELECT count(*) AS c_functions FROM pg_proc
 WHERE probin LIKE '%ismap%' OR prosrc LIKE 'ismap\_%';
-- No trigger calls a function of the extension.
SELECT count(*) AS triggers FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
 WHERE p.probin LIKE '%ismap%';
-- No catalog entry depends on the extension or its schema any more.
SELECT count(*) AS dependents FROM pg_depend
 WHERE (refclassid = 'pg_extension'::regclass AND refobjid = :ismap_extension)
    OR (refclassid = 'pg_namespace'::regclass AND refobjid = :ismap_schema);
-- No initial privileges recorded for its objects, no comments left.
SELECT count(*) AS init_privs FROM pg_init_privs WHERE privtype = 'e';
SELECT count(*) AS comments FROM pg_description
 WHERE description LIKE '%ISMAP%' OR description LIKE '%監査機関%';

--
-- Created again: a fresh registry
--

CREATE EXTENSION ismap;

SELECT extname, extversion FROM pg_extension WHERE extname = 'ismap';
SELECT name, value FROM ismap.settings ORDER BY name;
SELECT count(*) AS organizations FROM ismap.organizations;
SELECT count(*) AS auditors FROM ismap.auditors;
SELECT count(*) AS listed FROM ismap.auditor_list;

-- The first approval gets number 0001 again.
INSERT INTO ismap.organizations (corporate_number, name, name_en)
VALUES ('7999901000001', '架空監査法人さくら', 'Sakura Fictional Audit Corporation');
INSERT INTO ismap.auditor_applications (organization_id, kind, applied_on)
SELECT organization_id, 'new', '2024-07-01' FROM ismap.organizations;
UPDATE ismap.auditor_applications SET status = 'accepted';
UPDATE ismap.auditor_applications SET status = 'approved', decided_on = '2024-08-10';
SELECT registration_number, name, registered_on, valid_until, status
  FROM ismap.auditor_list ORDER BY registration_number;

-- The tour's helper function goes too.
DROP FUNCTION refusal(text);
