-- Least privilege.  The public reads the public lists and the settings;
-- everything else is for the roles the operator grants (README, "Access").

GRANT USAGE ON SCHEMA ismap TO PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ismap FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ismap FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ismap FROM PUBLIC;

GRANT SELECT ON ismap.settings, ismap.auditor_list, ismap.cloud_service_list,
  ismap.cloud_service_list_periods TO PUBLIC;
GRANT EXECUTE ON FUNCTION
  ismap.today(),
  ismap.auditor_valid_until(date),
  ismap.service_valid_until(date),
  ismap.corporate_number_is_valid(text),
  ismap.auditor_status(bigint, date),
  ismap.auditor_standing(bigint, date),
  ismap.auditor_list_at(date),
  ismap.service_status(bigint, date),
  ismap.registration_standing(ismap.registration_facts, date, date),
  ismap.list_arg_given(anyelement, text, text),
  ismap.cloud_service_list_at(date),
  ismap.cloud_service_list_at(date, timestamptz),
  ismap.auditor_list_at(date, timestamptz),
  ismap.cloud_service_list_changes(date, date),
  ismap.auditor_list_changes(date, date)
TO PUBLIC;
