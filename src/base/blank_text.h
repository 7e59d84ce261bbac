/*
 * blank_text.h
 *		Whether a text says nothing (blank_text.c).
 */
#ifndef ISMAP_BLANK_TEXT_H
#define ISMAP_BLANK_TEXT_H

extern bool text_is_blank(const char *s);

#endif							/* ISMAP_BLANK_TEXT_H */
