/*
 * invisible_text.h
 *		Whether a text shows nothing (invisible_text.c).
 */
#ifndef ISMAP_INVISIBLE_TEXT_H
#define ISMAP_INVISIBLE_TEXT_H

extern bool text_is_invisible(const char *s);

#endif							/* ISMAP_INVISIBLE_TEXT_H */
