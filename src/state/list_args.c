/*
 * list_args.c
 *		ismap.list_arg_given(): the public lists refuse a NULL day or moment.
 *
 * A list function that answered a NULL day with no rows would read as an
 * empty list (nothing registered), not as a mistake in the call.  The list
 * functions are SQL, some of them inlined into the caller's query, so the
 * check is a function of the argument alone, in their WHERE clause: the
 * planner makes it a one-time filter, evaluated once per query.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "base/errors.h"

PG_FUNCTION_INFO_V1(ismap_list_arg_given);

/* ismap.list_arg_given(value anyelement, name text, rule text) RETURNS boolean */
Datum
ismap_list_arg_given(PG_FUNCTION_ARGS)
{
	const char *name = PG_ARGISNULL(1) ? "argument" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	const char *rule = PG_ARGISNULL(2) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(2));

	if (strcmp(rule, RULE_SVC_PUBLIC_LIST) != 0 && strcmp(rule, RULE_AUD_PUBLIC_LIST) != 0 &&
		strcmp(rule, RULE_LIU_LIST) != 0)
		ismap_refuse(ERRCODE_INVALID_PARAMETER_VALUE, RULE_SVC_PUBLIC_LIST,
					 "list_arg_given() checks the arguments of the public lists",
					 errdetail("The rule must be svc_public_list, aud_public_list or liu_list."),
					 errhint("Call the list functions; this one is internal."));
	if (PG_ARGISNULL(0))
		ismap_refuse(ERRCODE_NULL_VALUE_NOT_ALLOWED, rule,
					 psprintf("the %s of a list cannot be null", name),
					 errdetail("A null %s would give no rows, which reads as an empty list.", name),
					 strcmp(name, "as_known_at") == 0 ?
					 errhint("Give a moment, e.g. now().") :
					 errhint("Give a day, e.g. ismap.today()."));
	PG_RETURN_BOOL(true);
}
