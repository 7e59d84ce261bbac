/*
 * organization_recorded.h
 *		A new row's organization is recorded and stays (organization_recorded.c).
 */
#ifndef ISMAP_ORGANIZATION_RECORDED_H
#define ISMAP_ORGANIZATION_RECORDED_H

#include "postgres.h"

extern void require_organization_recorded(int64 organization, const char *rule,
										  const char *message, const char *hint);

#endif							/* ISMAP_ORGANIZATION_RECORDED_H */
