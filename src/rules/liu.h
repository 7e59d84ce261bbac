/*
 * liu.h
 *		ISMAP-LIU, the low-impact SaaS programme (liu_scope, liu_list):
 *		what sets its services apart on the write path (liu.c).
 */
#ifndef ISMAP_LIU_H
#define ISMAP_LIU_H

#include "postgres.h"

#include "utils/date.h"

/* Whether the service is registered under ISMAP-LIU (SPI connected, as the registry). */
extern bool service_is_liu(int64 service_id);
/* liu_scope for an application of a LIU service dated applied_on (SPI connected, as the registry). */
extern void check_liu_application(int64 service_id, DateADT applied_on);
/* The setting the validity term of a service's registration is counted by. */
extern const char *service_validity_setting(bool liu);
/* The first letter and the serial of a service's new registration numbers. */
extern char service_number_prefix(bool liu);
extern const char *service_number_sequence(bool liu);

#endif							/* ISMAP_LIU_H */
