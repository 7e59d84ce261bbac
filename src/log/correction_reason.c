/*
 * correction_reason.c
 *		Whether the change under way is a correction, and why it is made.
 *
 * ismap.correct() runs an ordinary UPDATE with its reason set here: the
 * rules let a decided row change while it is set, and the decision log
 * records it as the change's reason.
 */
#include "postgres.h"

#include "log/correction_reason.h"

static const char *active_reason = NULL;

/* The reason of the correction under way, or NULL outside ismap.correct(). */
const char *
correction_reason(void)
{
	return active_reason;
}

/* Set by ismap.correct() around its UPDATE (NULL again when it ends). */
void
set_correction_reason(const char *reason)
{
	active_reason = reason;
}
