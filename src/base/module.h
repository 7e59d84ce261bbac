/*
 * module.h
 *		The extension's own settings that module.c defines.
 */
#ifndef ISMAP_MODULE_H
#define ISMAP_MODULE_H

/* ismap.reason: why the changes of this session or transaction are made */
extern char *ismap_reason;

#endif							/* ISMAP_MODULE_H */
