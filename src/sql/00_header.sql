-- ismap: the ISMAP registries, with the scheme's rules enforced in C.
-- This script installs the current version (default_version in ismap.control);
-- the Makefile assembles it from src/sql/*.sql, in order.  A change of the
-- schema here goes into the upgrade script ismap--A--B.sql too (README,
-- "Upgrading").
\echo Use "CREATE EXTENSION ismap" to load this file. \quit

CREATE SCHEMA ismap;
COMMENT ON SCHEMA ismap IS
  'ISMAP（政府情報システムのためのセキュリティ評価制度）の登録簿: クラウドサービスリストと監査機関リスト / the ISMAP registries';
