-- ismap: the ISMAP registries, with the scheme's rules enforced in C.
-- This script is assembled by the Makefile from src/sql/*.sql, in order.
\echo Use "CREATE EXTENSION ismap" to load this file. \quit

CREATE SCHEMA ismap;
COMMENT ON SCHEMA ismap IS
  'ISMAP（政府情報システムのためのセキュリティ評価制度）の登録簿: クラウドサービスリストと監査機関リスト / the ISMAP registries';
