/*
 * labels.h
 *		How refusals name the registry's things (labels.c).
 */
#ifndef ISMAP_LABELS_H
#define ISMAP_LABELS_H

#include "postgres.h"

extern char *auditor_label(int64 auditor_id);
extern char *registration_label(int64 registration_id);
extern char *service_label(int64 service_id);
extern char *organization_label(int64 organization_id);
extern char *fact_subject_label(const char *noun, int64 id);
extern const char *standing_phrase(int status);

#endif							/* ISMAP_LABELS_H */
