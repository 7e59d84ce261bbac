/*
 * correction_reason.h
 *		The reason of the correction under way (correction_reason.c).
 */
#ifndef ISMAP_CORRECTION_REASON_H
#define ISMAP_CORRECTION_REASON_H

extern const char *correction_reason(void);
extern void set_correction_reason(const char *reason);

#endif							/* ISMAP_CORRECTION_REASON_H */
