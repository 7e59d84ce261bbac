-- Enumerations of the design contract.

CREATE TYPE ismap.application_kind AS ENUM ('new', 'renewal', 'reapplication');
COMMENT ON TYPE ismap.application_kind IS '申請の種別: new 新規登録申請, renewal 登録更新申請, reapplication 運営委員会の要求による再申請（5.3） / kind of application: new (first registration), renewal, reapplication (on the committee''s demand)';

CREATE TYPE ismap.application_status AS ENUM
  ('submitted', 'accepted', 'returned', 'approved', 'rejected', 'withdrawn');
COMMENT ON TYPE ismap.application_status IS
  '申請の状態: submitted 申請, accepted 受理, returned 不受理, approved 登録, rejected 登録拒否, withdrawn 取下げ / state of an application: submitted, accepted, returned (not accepted), approved, rejected, withdrawn';

CREATE TYPE ismap.assessment AS ENUM ('design', 'operating');
COMMENT ON TYPE ismap.assessment IS
  '監査の手続: design 整備状況評価のみ, operating 運用状況評価（整備状況評価を含む） / what the audit assessed: design (design only), operating (operating effectiveness, design included)';

CREATE TYPE ismap.service_model AS ENUM ('IaaS', 'PaaS', 'SaaS');
COMMENT ON TYPE ismap.service_model IS 'サービスモデル (IaaS, PaaS, SaaS) / service model';

CREATE TYPE ismap.program AS ENUM ('ismap', 'ismap_liu');
COMMENT ON TYPE ismap.program IS '制度: ismap (ISMAP), ismap_liu (ISMAP-LIU) / program: ISMAP, or ISMAP-LIU for low-impact SaaS';

CREATE TYPE ismap.listing_status AS ENUM
  ('valid', 'renewal_pending', 'suspended', 'expired', 'removed');
COMMENT ON TYPE ismap.listing_status IS
  '登録の状態（導出）: valid 有効, renewal_pending 更新審査中, suspended 一時停止, expired 失効, removed 削除 / listing status (derived): valid, renewal_pending (in renewal grace), suspended, expired, removed';

CREATE TYPE ismap.status_action AS ENUM ('suspend', 'lift', 'remove');
COMMENT ON TYPE ismap.status_action IS '登録の状態の変更: suspend 一時停止, lift 一時停止の解除, remove 削除 / a change of status: suspend, lift (a suspension), remove';

-- The facts of a registration that its status on any day depends on, kept
-- on the registration row by the extension so that the public list needs
-- no lookup per row.  The tables behind them remain the record.
CREATE TYPE ismap.registration_facts AS (
  term_in_force_from      date[],
  term_audit_period_start date[],
  term_audit_period_end   date[],
  term_valid_until        date[],
  term_audit_id           bigint[],
  term_auditor_id         bigint[],
  renewal_filed_on        date[],
  renewal_decided_on      date[],
  change_action           text[],
  change_effective_on     date[]
);
COMMENT ON TYPE ismap.registration_facts IS
  '登録の状態の判定に必要な事実の写し（拡張機能が維持） / copy of the facts a registration''s status depends on, maintained by the extension';

-- Oversight (src/sql/75_oversight.sql).
CREATE TYPE ismap.report_stage AS ENUM ('first', 'final');
COMMENT ON TYPE ismap.report_stage IS 'インシデント報告の段階: first 速報, final 確報 / stage of an incident report: first, final';

CREATE TYPE ismap.notice_kind AS ENUM ('published_info', 'control_change');
COMMENT ON TYPE ismap.notice_kind IS '変更の届出の種別: published_info 公表事項の変更, control_change 統制の重大な変更（又はそのおそれのある事象） / kind of change notice: published information, or a significant control change';

CREATE TYPE ismap.finding AS ENUM ('no_issue', 'issues_found');
COMMENT ON TYPE ismap.finding IS '調査結果: no_issue 問題なし, issues_found 問題あり / finding of an investigation';
