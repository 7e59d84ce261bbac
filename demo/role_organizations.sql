-- The committee maps the provider's and the audit firm's roles to their
-- organizations, by 法人番号 (README, "Access").
SET ROLE demo_committee;
INSERT INTO ismap.role_organizations (role_name, organization_id)
SELECT m.role_name, o.organization_id
  FROM (VALUES ('soyokaze_staff', '2999907301018'),  -- 株式会社架空クラウドそよかぜ
               ('yamanami_staff', '2999907305126'),  -- 架空データセンター株式会社やまなみ
               ('akebono_staff',  '6999905204111'))  -- 架空監査法人あけぼの
       AS m (role_name, corporate_number)
  JOIN ismap.organizations o USING (corporate_number);
RESET ROLE;
